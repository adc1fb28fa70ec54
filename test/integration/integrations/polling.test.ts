import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { POLL_JOB } from '../../../src/modules/integrations/index.ts';
import type { ReportForContractor } from '../../../src/modules/integrations/index.ts';
import { enqueue, integrationsPlatform, setRoute, settled, waitFor, type IntegrationsTest } from './support.ts';

/** Updates are asked for up to the whole second before now, so tests make theirs a little earlier. */
function secondsAgo(n: number): Date {
  return new Date(Date.now() - n * 1000);
}

describe('status updates from a contractor’s Open311 system', () => {
  let test: IntegrationsTest;
  let contractor: ContractorOpen311;
  let batch: ContractorOpen311;

  before(async () => {
    contractor = await ContractorOpen311.start({ apiKey: 'k1' });
    batch = await ContractorOpen311.start({ apiKey: 'k2', batch: true });
    Object.assign(process.env, { POLL_LIGHTS_URL: contractor.endpoint, POLL_LIGHTS_KEY: 'k1', POLL_BATCH_URL: batch.endpoint, POLL_BATCH_KEY: 'k2' });
    test = await integrationsPlatform();
    await setRoute(test.t, 'test_lights', { type: 'open311', endpoint: '$POLL_LIGHTS_URL', apiKeyEnv: 'POLL_LIGHTS_KEY', serviceCode: 'SL1' });
    await setRoute(test.t, 'test_batch', { type: 'open311', endpoint: '$POLL_BATCH_URL', apiKeyEnv: 'POLL_BATCH_KEY', serviceCode: 'B1' });
    await test.t.platform.services.jobs.work(0.5);
  });
  after(async () => {
    await test.t.close();
    await contractor.close();
    await batch.close();
  });
  beforeEach(() => contractor.recover());

  async function sentReport(categoryCode = 'test_lights'): Promise<{ report: ReportForContractor; requestId: string }> {
    const report = test.reports.add({ categoryCode });
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent');
    assert.ok(sent.externalId);
    return { report, requestId: sent.externalId };
  }

  it('applies each update once, in order, with its state mapped and the contractor’s words', async () => {
    const { report, requestId } = await sentReport();
    const at = Date.now();
    const scheduled = contractor.addUpdate(requestId, 'ACTION_SCHEDULED', 'An engineer will visit on Thursday', new Date(at - 2000));
    const fixed = contractor.addUpdate(requestId, 'FIXED', 'Lamp replaced', new Date(at - 1000));
    contractor.addUpdate('SR-NOT-OURS', 'CLOSED', 'Someone else’s request', new Date(at - 1000));

    const [first] = await test.integrations.polling.pollAll();
    assert.equal(first?.error, undefined);
    const changes = test.reports.applied.filter((c) => c.reportId === report.id);
    assert.deepEqual(
      changes.map((c) => [c.from, c.to, c.publicText, c.externalUpdateId, c.actor.kind]),
      [
        ['open', 'action_scheduled', 'An engineer will visit on Thursday', scheduled.updateId, 'contractor'],
        ['action_scheduled', 'fixed', 'Lamp replaced', fixed.updateId, 'contractor'],
      ],
    );
    assert.equal(changes[1]?.occurredAt?.toISOString(), new Date(Math.floor((at - 1000) / 1000) * 1000).toISOString());
    assert.equal(test.reports.stateOf(report.id), 'fixed');

    // The next poll overlaps the last: the same updates come back, and change nothing.
    await test.integrations.polling.pollAll();
    assert.equal(test.reports.applied.filter((c) => c.reportId === report.id).length, 2);
  });

  it('maps GeoReport’s and mySociety’s statuses to report states', async () => {
    const cases: [string, string][] = [
      ['investigating', 'investigating'],
      ['IN_PROGRESS', 'in_progress'],
      ['closed', 'fixed'],
      ['DUPLICATE', 'closed_duplicate'],
      ['NOT_COUNCILS_RESPONSIBILITY', 'closed_not_responsible'],
      ['NO_FURTHER_ACTION', 'closed_no_further_action'],
      ['INTERNAL_REFERRAL', 'closed_internal_referral'],
      ['open', 'open'],
    ];
    const { report, requestId } = await sentReport();
    let second = 0;
    for (const [status] of cases) contractor.addUpdate(requestId, status, `Now ${status}`, new Date(Date.now() - 5000 + ++second * 100));
    await test.integrations.polling.pollAll();
    const seen = test.reports.applied.filter((c) => c.reportId === report.id).map((c) => c.to);
    assert.deepEqual(seen, cases.map(([, state]) => state));
  });

  it('keeps the state but passes on the words of a status it does not know', async () => {
    const { report, requestId } = await sentReport();
    contractor.addUpdate(requestId, 'AWAITING_PARTS', 'Waiting for a new lantern', secondsAgo(2));
    await test.integrations.polling.pollAll();
    const [change] = test.reports.applied.filter((c) => c.reportId === report.id);
    assert.equal(change?.from, 'open');
    assert.equal(change?.to, 'open');
    assert.equal(change?.publicText, 'Waiting for a new lantern');
  });

  it('reads the state again when staff changed it between reading and applying', async () => {
    const { report, requestId } = await sentReport();
    contractor.addUpdate(requestId, 'IN_PROGRESS', 'Crew on site', secondsAgo(2));
    test.reports.beforeNextApply = () => {
      report.state = 'investigating';
    };
    await test.integrations.polling.pollAll();
    const [change] = test.reports.applied.filter((c) => c.reportId === report.id);
    assert.deepEqual([change?.from, change?.to], ['investigating', 'in_progress']);
  });

  it('keeps a high-water mark per contractor, and leaves it where it was when the contractor fails', async () => {
    const { report, requestId } = await sentReport();
    await test.integrations.polling.pollAll();
    const marks = await test.integrations.delivery.repository.pollMarks();
    const mark = marks.find((m) => m.systemKey.includes('$POLL_LIGHTS_URL'));
    assert.ok(mark);
    assert.ok(Math.abs(mark.polledTo.getTime() - Date.now()) < 10_000);

    contractor.fail({ kind: 'status', status: 500 }, 'updates');
    contractor.addUpdate(requestId, 'IN_PROGRESS', 'On site', secondsAgo(2));
    const outcomes = await test.integrations.polling.pollAll();
    assert.match(outcomes.find((o) => o.systemKey === mark.systemKey)?.error ?? '', /answered 500/);
    const failedMark = (await test.integrations.delivery.repository.pollMarks()).find((m) => m.systemKey === mark.systemKey);
    assert.equal(failedMark?.polledTo.getTime(), mark.polledTo.getTime());
    assert.match(failedMark?.lastError ?? '', /answered 500/);
    assert.equal(test.reports.stateOf(report.id), 'open');

    contractor.recover();
    await test.integrations.polling.pollAll();
    assert.equal(test.reports.stateOf(report.id), 'in_progress');
    const recovered = (await test.integrations.delivery.repository.pollMarks()).find((m) => m.systemKey === mark.systemKey);
    assert.equal(recovered?.lastError, null);
    assert.ok((recovered?.polledTo.getTime() ?? 0) >= mark.polledTo.getTime());
  });

  it('asks from the mark on, less an overlap for updates recorded late', async () => {
    await sentReport();
    await test.integrations.polling.pollAll();
    const before = (await test.integrations.delivery.repository.pollMarks()).find((m) => m.systemKey.includes('$POLL_LIGHTS_URL'));
    assert.ok(before);
    await test.integrations.polling.pollAll();
    const asked = contractor.calls('GET', '/servicerequestupdates.xml').at(-1);
    const start = new Date(asked?.query.get('start_date') ?? '');
    assert.equal(start.getTime(), before.polledTo.getTime() - 10 * 60_000);
    assert.equal(asked?.query.get('api_key'), 'k1');
  });

  it('swaps a batch service’s token for its service_request_id, then applies its updates', async () => {
    const report = test.reports.add({ categoryCode: 'test_batch' });
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent');
    assert.equal(sent.externalId, null);
    assert.ok(sent.externalToken);
    const request = batch.requests.find((r) => r.token === sent.externalToken);
    assert.ok(request);
    batch.addUpdate(request.serviceRequestId, 'IN_PROGRESS', 'Crew assigned', secondsAgo(2));

    await test.integrations.polling.pollAll();
    const [delivery] = await test.integrations.dispatch.deliveriesFor(report.id);
    assert.equal(delivery?.externalId, request.serviceRequestId);
    assert.equal(test.reports.stateOf(report.id), 'in_progress');
  });

  it('asks a contractor’s system once for all the services reports went to there', async () => {
    await setRoute(test.t, 'test_lights_column', { type: 'open311', endpoint: '$POLL_LIGHTS_URL', apiKeyEnv: 'POLL_LIGHTS_KEY', serviceCode: 'COLUMN' });
    const { report: lantern, requestId: lanternRequest } = await sentReport();
    const { report: column, requestId: columnRequest } = await sentReport('test_lights_column');
    contractor.addUpdate(lanternRequest, 'FIXED', 'New lantern', secondsAgo(2));
    contractor.addUpdate(columnRequest, 'INVESTIGATING', 'Column is leaning', secondsAgo(2));
    const asked = contractor.calls('GET', '/servicerequestupdates.xml').length;
    await test.integrations.polling.pollAll();
    assert.equal(contractor.calls('GET', '/servicerequestupdates.xml').length, asked + 1);
    assert.equal(test.reports.stateOf(lantern.id), 'fixed');
    assert.equal(test.reports.stateOf(column.id), 'investigating');
  });

  it('runs as the scheduled job too', async () => {
    const { report, requestId } = await sentReport();
    contractor.addUpdate(requestId, 'INVESTIGATING', 'Looking into it', secondsAgo(2));
    const { db, jobs } = test.t.platform.services;
    await db.transaction().execute((trx) => jobs.send(trx, POLL_JOB, {}));
    await waitFor(() => (test.reports.stateOf(report.id) === 'investigating' ? true : undefined));
  });
});
