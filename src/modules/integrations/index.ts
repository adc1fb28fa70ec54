import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import type { ReportsPort } from './ports.ts';
import { IntegrationsService } from './service.ts';
import { integrationsRoutes } from './routes.ts';
import type { ContractorDispatch } from './dispatch.ts';

export type { ContractorDispatch } from './dispatch.ts';
export type { ReportsPort, ReportForContractor } from './ports.ts';
export type { Delivery } from './repository.ts';
export { DELIVER_JOB } from './delivery.ts';
export { POLL_JOB } from './polling.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Wiring {
  reports?: ReportsPort;
  service?: IntegrationsService;
}

// One per running platform (tests run several in one process), whichever module asks first.
const wiring = new WeakMap<Services, Wiring>();

function wiringOf(services: Services): Wiring {
  let found = wiring.get(services);
  if (!found) {
    found = {};
    wiring.set(services, found);
  }
  return found;
}

/** The reports core hands over what integrations needs of it, once, in its setUp. */
export function connectReports(services: Services, reports: ReportsPort): void {
  wiringOf(services).reports = reports;
}

export function integrationsService(services: Services): IntegrationsService {
  const wired = wiringOf(services);
  wired.service ??= new IntegrationsService(services, () => {
    if (!wired.reports) throw new Error('The reports module has not connected to integrations: call connectReports(services, …) in its setUp');
    return wired.reports;
  });
  return wired.service;
}

/** What the reports core calls in its submit transaction: `contractorDispatch(services).enqueue(trx, reportId)`. */
export function contractorDispatch(services: Services): ContractorDispatch {
  return integrationsService(services).dispatch;
}

/** Contractor and legacy integration: reports routed by category to contractors' Open311 servers or webhooks. */
export const integrationsModule: LastmileModule = {
  name: 'integrations',
  migrations: path.join(here, 'migrations'),
  views: path.join(here, 'views'),
  setUp(services) {
    const integrations = integrationsService(services);
    services.jobs.define(integrations.delivery.jobDefinition());
    services.jobs.define(integrations.polling.jobDefinition());
  },
  routes: async (app, services) => integrationsRoutes(app, integrationsService(services)),
};
