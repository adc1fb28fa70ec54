import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import type { LastmileModule } from '../../../src/platform/module.ts';
import type { ContractorRoute, ReportState, StateChange, StateChangeResult } from '../../../src/modules/reports/contracts.ts';
import { connectReports, integrationsService, type ReportForContractor, type ReportsPort } from '../../../src/modules/integrations/index.ts';
import type { IntegrationTables } from '../../../src/modules/integrations/tables.ts';
import type { IntegrationsService } from '../../../src/modules/integrations/service.ts';

/**
 * The reports core as integrations sees it, in memory: reports to find, and `apply` that changes
 * a report's state once per externalUpdateId, as ReportUpdates does.
 */
export class FakeReports implements ReportsPort {
  readonly reports = new Map<string, ReportForContractor>();
  readonly applied: StateChange[] = [];
  readonly externalReferences = new Map<string, string>();
  private seen = new Set<string>();
  private count = 0;

  add(overrides: Partial<ReportForContractor> = {}): ReportForContractor {
    this.count += 1;
    const report: ReportForContractor = {
      id: randomUUID(),
      reference: `LM-${String(this.count).padStart(4, '0')}-${randomUUID().slice(0, 4).toUpperCase()}`,
      categoryCode: 'test_lights',
      state: 'open',
      lon: -2.1575,
      lat: 53.4084,
      description: 'The light outside number 12 has been flickering for a week',
      locationDescription: 'Outside 12 Wellington Road South',
      answers: { problem: 'flickering', day_or_night: 'night' },
      reporter: { name: 'Ada King Lovelace', email: 'ada@example.org', phone: '07700 900982' },
      assetId: 'SL-0042',
      usrn: '4200123',
      photoUrls: [],
      createdAt: new Date(),
      ...overrides,
    };
    this.reports.set(report.id, report);
    return report;
  }

  async find(reportId: string): Promise<ReportForContractor | null> {
    return this.reports.get(reportId) ?? null;
  }

  /** As ReportUpdates.apply: once per externalUpdateId, refused when `from` is out of date or there is nothing to change. */
  /** Runs once, just before the next apply: staff changing the report in the meantime. */
  beforeNextApply?: () => void;

  async apply(change: StateChange): Promise<StateChangeResult> {
    const interfere = this.beforeNextApply;
    this.beforeNextApply = undefined;
    interfere?.();
    const report = this.reports.get(change.reportId);
    if (!report) return { outcome: 'refused', reason: 'not_found', message: 'There is no report with that id' };
    const key = `${change.reportId} ${change.externalUpdateId ?? randomUUID()}`;
    if (this.seen.has(key)) return { outcome: 'already_applied', updateId: key };
    if (report.state !== change.from) return { outcome: 'refused', reason: 'stale', message: `The report is ${report.state} now` };
    if (change.to === change.from && !change.publicText) return { outcome: 'refused', reason: 'not_allowed', message: 'Nothing to change' };
    this.seen.add(key);
    this.applied.push(change);
    report.state = change.to;
    return { outcome: 'applied', updateId: key };
  }

  async recordExternalReference(_executor: unknown, reportId: string, reference: string): Promise<void> {
    this.externalReferences.set(reportId, reference);
  }

  stateOf(reportId: string): ReportState | undefined {
    return this.reports.get(reportId)?.state;
  }
}

export interface IntegrationsTest {
  t: TestPlatform;
  reports: FakeReports;
  integrations: IntegrationsService;
}

/** Quick retries and timeouts, and no scheduled polling: tests poll when they choose. */
export const FAST = { CONTRACTOR_RETRY_LIMIT: '2', CONTRACTOR_RETRY_DELAY_SECONDS: '1', CONTRACTOR_TIMEOUT_SECONDS: '1', CONTRACTOR_POLL_MINUTES: '0' };

/** The platform with integrations connected to fake reports. */
export async function integrationsPlatform(env: Record<string, string> = {}): Promise<IntegrationsTest> {
  const reports = new FakeReports();
  const fakeCore: LastmileModule = { name: 'test-reports', setUp: (services) => connectReports(services, reports) };
  const t = await createTestPlatform({ STAFF_2FA: 'optional', ...FAST, ...env }, { modules: [fakeCore] });
  return { t, reports, integrations: integrationsService(t.platform.services) };
}

export async function setRoute(t: TestPlatform, categoryCode: string, route: ContractorRoute, enabled = true): Promise<void> {
  await t.platform.services.db
    .withTables<IntegrationTables>()
    .insertInto('integration_routes')
    .values({ category_code: categoryCode, route: JSON.stringify(route), enabled })
    .onConflict((oc) => oc.column('category_code').doUpdateSet({ route: JSON.stringify(route), enabled }))
    .execute();
}

/** Enqueues in a transaction of its own, as the core's submit would. */
export async function enqueue(test: IntegrationsTest, reportId: string): Promise<string | undefined> {
  return test.t.platform.services.db.transaction().execute((trx) => test.integrations.dispatch.enqueue(trx, reportId));
}

export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function deliveryOf(integrations: IntegrationsService, id: string) {
  const delivery = await integrations.delivery.repository.find(id);
  if (!delivery) throw new Error(`no delivery ${id}`);
  return delivery;
}

/** Waits until the delivery settles as `status`. */
export async function settled(integrations: IntegrationsService, id: string, status: 'sent' | 'failed', ms?: number) {
  return waitFor(async () => {
    const d = await deliveryOf(integrations, id);
    return d.status === status ? d : undefined;
  }, ms);
}
