import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import type { ReportsCore } from '../core.ts';
import { alertsCard } from './account.ts';
import { alertsPersonalData } from './personal-data.ts';
import { alertRoutes } from './routes.ts';
import { ALERT_JOB, ReportAlerts } from './service.ts';
import { AlertTokens } from './tokens.ts';

export { ALERT_JOB, ReportAlerts } from './service.ts';

// One per running platform, as the core is (tests run several platforms in one process).
const made = new WeakMap<Services, ReportAlerts>();

/** Email alerts about new reports in a ward or near a place. */
export function reportAlerts(services: Services, core: ReportsCore): ReportAlerts {
  let alerts = made.get(services);
  if (!alerts) {
    alerts = new ReportAlerts({
      db: services.db,
      notify: services.notify,
      audit: services.audit,
      tokens: new AlertTokens(services.config.sessionSecret),
      geography: services.geography,
      gazetteer: services.gazetteer,
      categories: core.categories,
      baseUrl: services.config.baseUrl,
      councilName: services.config.councilName,
    });
    made.set(services, alerts);
  }
  return alerts;
}

/**
 * The sending job (every 5 minutes; it also deletes alerts never confirmed), the alerts' card on My Account,
 * and their share of personal data.
 */
export function setUpReportAlerts(services: Services, core: ReportsCore): void {
  const alerts = reportAlerts(services, core);
  services.jobs.define<object>({
    name: ALERT_JOB,
    cron: '*/5 * * * *',
    retryLimit: 3,
    retryDelay: 60,
    handler: async () => {
      await alerts.run();
    },
  });
  services.personalData.addCard(alertsCard(alerts));
  services.personalData.addData(alertsPersonalData(services.db, alerts));
}

export async function reportAlertRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  await alertRoutes(app, services, core, reportAlerts(services, core));
}
