import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { DELIVER_JOB } from '../../../src/modules/integrations/index.ts';
import { deliveryOf, enqueue, integrationsPlatform, setRoute, settled, waitFor, type IntegrationsTest } from './support.ts';

describe('sending reports to a contractor over Open311', () => {
  let test: IntegrationsTest;
  let contractor: ContractorOpen311;

  before(async () => {
    contractor = await ContractorOpen311.start({ apiKey: 'lighting-key' });
    process.env.TEST_LIGHTING_URL = contractor.endpoint;
    process.env.TEST_LIGHTING_KEY = 'lighting-key';
    test = await integrationsPlatform();
    await setRoute(test.t, 'test_lights', { type: 'open311', endpoint: '$TEST_LIGHTING_URL', apiKeyEnv: 'TEST_LIGHTING_KEY', jurisdictionId: 'stockport.gov.uk', serviceCode: 'SL1' });
    await test.t.platform.services.jobs.work(0.5);
  });
  after(async () => {
    await test.t.close();
    await contractor.close();
  });
  beforeEach(() => contractor.recover());

  it('posts the report once, with its details, and keeps the contractor’s service_request_id', async () => {
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent');

    const posts = contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference);
    assert.equal(posts.length, 1);
    const form = posts[0]?.form;
    assert.ok(form);
    assert.equal(form.get('api_key'), 'lighting-key');
    assert.equal(form.get('jurisdiction_id'), 'stockport.gov.uk');
    assert.equal(form.get('service_code'), 'SL1');
    assert.equal(form.get('lat'), '53.4084');
    assert.equal(form.get('long'), '-2.1575');
    assert.equal(form.get('email'), 'ada@example.org');
    assert.equal(form.get('first_name'), 'Ada King');
    assert.equal(form.get('last_name'), 'Lovelace');
    assert.equal(form.get('attribute[problem]'), 'flickering');
    assert.equal(form.get('attribute[asset_id]'), 'SL-0042');
    assert.match(form.get('description') ?? '', new RegExp(`^Council reference: ${report.reference}\\n\\nThe light outside number 12`));

    const created = contractor.requests.find((r) => r.form.get('attribute[council_reference]') === report.reference);
    assert.equal(sent.externalId, created?.serviceRequestId);
    assert.equal(test.reports.externalReferences.get(report.id), created?.serviceRequestId, 'kept on the report as its external reference');
    assert.equal(sent.attempts, 1);
    assert.deepEqual((await test.integrations.dispatch.deliveriesFor(report.id)).map((d) => d.externalId), [created?.serviceRequestId]);
  });

  it('never sends a report twice: enqueued again, or its job run again', async () => {
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    await settled(test.integrations, deliveryId, 'sent');
    assert.equal(await enqueue(test, report.id), undefined, 'a second enqueue makes no delivery');

    // The same job delivered twice (pg-boss is at-least-once): the second run finds it sent.
    const { db, jobs } = test.t.platform.services;
    await db.transaction().execute((trx) => jobs.send(trx, DELIVER_JOB, { deliveryId }));
    await test.integrations.delivery.run(deliveryId, { id: 'again', retryCount: 0, retryLimit: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 1);
    assert.equal((await deliveryOf(test.integrations, deliveryId)).attempts, 1);
  });

  it('two runs side by side post once: the first holds the delivery while it sends', async () => {
    const report = test.reports.add();
    contractor.fail({ kind: 'late', ms: 300 }, 'post', 1); // slow enough for the runs to overlap, inside the timeout
    const deliveryId = await test.t.platform.services.db.transaction().execute(async (trx) => {
      const { integrations } = test;
      const route = await integrations.routes.forCategory(trx, report.categoryCode);
      assert.ok(route);
      return integrations.delivery.repository.insert(trx, report, route);
    });
    assert.ok(deliveryId);
    const job = { id: 'side-by-side', retryCount: 0, retryLimit: 2 };
    const runs = await Promise.allSettled([test.integrations.delivery.run(deliveryId, job), test.integrations.delivery.run(deliveryId, job)]);
    assert.equal((await deliveryOf(test.integrations, deliveryId)).status, 'sent');
    // The one that found it held fails, so pg-boss would run it again later, when it finds it sent.
    assert.deepEqual(runs.map((r) => (r.status === 'rejected' && r.reason instanceof Error ? r.reason.message : r.status)).sort(), ['Another run is sending this report; trying again later', 'fulfilled']);
    assert.equal(contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 1);
  });

  it('leaves a report alone when its category is not routed', async () => {
    const report = test.reports.add({ categoryCode: 'graffiti' });
    assert.equal(await enqueue(test, report.id), undefined);
    assert.deepEqual(await test.integrations.dispatch.deliveriesFor(report.id), []);
  });

  it('treats a route whose address setting is unset, or that is turned off, as not routed', async () => {
    await setRoute(test.t, 'test_unset', { type: 'open311', endpoint: '$TEST_NOT_SET_URL', apiKeyEnv: 'TEST_LIGHTING_KEY', serviceCode: 'X' });
    await setRoute(test.t, 'test_off', { type: 'open311', endpoint: '$TEST_LIGHTING_URL', apiKeyEnv: 'TEST_LIGHTING_KEY', serviceCode: 'X' }, false);
    assert.equal(await enqueue(test, test.reports.add({ categoryCode: 'test_unset' }).id), undefined);
    assert.equal(await enqueue(test, test.reports.add({ categoryCode: 'test_off' }).id), undefined);
  });

  it('makes no delivery when the transaction that enqueued it rolls back', async () => {
    const report = test.reports.add();
    await test.t.platform.services.db
      .transaction()
      .execute(async (trx) => {
        await test.integrations.dispatch.enqueue(trx, report.id);
        throw new Error('the submit failed');
      })
      .catch(() => undefined);
    assert.deepEqual(await test.integrations.dispatch.deliveriesFor(report.id), []);
  });

  it('retries a contractor that is down, with backoff, then keeps the dead letter with its error', async () => {
    contractor.fail({ kind: 'status', status: 503 }, 'post');
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const failed = await settled(test.integrations, deliveryId, 'failed', 30_000);
    assert.equal(failed.attempts, 3, 'the first try and two retries');
    assert.match(failed.lastError ?? '', /The contractor answered 503: 503: The contractor system is unavailable/);
    const tries = contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference);
    assert.equal(tries.length, 3);
    const [first, second, third] = tries.map((r) => r.at.getTime());
    assert.ok(first !== undefined && second !== undefined && third !== undefined);
    // pg-boss waits 1–2 s before the first retry and 2–4 s before the second (retryDelay 1, doubled).
    assert.ok(second - first >= 900, `first wait ${second - first}ms`);
    assert.ok(third - second >= 1900, `second wait ${third - second}ms`);
    // A 503 may have been acted on, so each retry looked for the request before posting again.
    assert.ok(contractor.calls('GET', '/requests.xml').length >= 2);
  });

  it('fails at once when the contractor refuses the report (400), with their error', async () => {
    contractor.fail({ kind: 'status', status: 400, body: '<?xml version="1.0"?><errors><error><code>400</code><description>lat is outside our area</description></error></errors>' }, 'post', 1);
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const failed = await settled(test.integrations, deliveryId, 'failed');
    assert.equal(failed.attempts, 1);
    assert.equal(failed.lastError, 'The contractor answered 400: 400: lat is outside our area');
  });

  it('does not post again after a timeout in which the contractor made the request: it finds it by our reference', async () => {
    contractor.fail({ kind: 'late', ms: 2500 }, 'post', 1);
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent', 30_000);
    const posts = contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference);
    assert.equal(posts.length, 1, 'posted once');
    assert.equal(sent.attempts, 2);
    assert.equal(sent.externalId, contractor.requests.find((r) => r.form.get('attribute[council_reference]') === report.reference)?.serviceRequestId);
    assert.equal(contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 1);
  });

  it('posts again after a timeout in which nothing was made', async () => {
    contractor.fail({ kind: 'hang', ms: 2500 }, 'post', 1);
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent', 30_000);
    assert.equal(contractor.calls('POST', '/requests.xml').filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 2);
    assert.ok(sent.externalId);
  });

  it('keeps going when the contractor’s system fails part-way and comes back', async () => {
    const before = test.reports.add();
    const firstId = await enqueue(test, before.id);
    assert.ok(firstId);
    await settled(test.integrations, firstId, 'sent');

    contractor.fail({ kind: 'drop' }, 'all');
    const during = test.reports.add();
    const duringId = await enqueue(test, during.id);
    assert.ok(duringId);
    const waiting = await waitFor(async () => {
      const d = await deliveryOf(test.integrations, duringId);
      return d.attempts >= 1 && d.lastError ? d : undefined;
    });
    assert.equal(waiting.status, 'pending');
    assert.match(waiting.lastError ?? '', /Could not reach the contractor/);

    contractor.recover();
    const sent = await settled(test.integrations, duringId, 'sent', 30_000);
    assert.ok(sent.externalId);
    assert.equal(contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === during.reference).length, 1);
  });

  it('sends to the new contractor when a report’s category changes to one routed elsewhere, and only once', async () => {
    await setRoute(test.t, 'test_drains', { type: 'open311', endpoint: '$TEST_LIGHTING_URL', apiKeyEnv: 'TEST_LIGHTING_KEY', serviceCode: 'GULLY' });
    const report = test.reports.add();
    const first = await enqueue(test, report.id);
    assert.ok(first);
    await settled(test.integrations, first, 'sent');

    report.categoryCode = 'test_drains';
    const second = await enqueue(test, report.id);
    assert.ok(second, 'routed differently: a new delivery');
    await settled(test.integrations, second, 'sent');
    report.categoryCode = 'test_lights';
    assert.equal(await enqueue(test, report.id), undefined, 'back to a destination it already went to');

    const codes = contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === report.reference).map((r) => r.serviceCode);
    assert.deepEqual(codes, ['SL1', 'GULLY']);
  });

  it('fails at once, saying which setting is missing, when the route’s API key is not set', async () => {
    await setRoute(test.t, 'test_nokey', { type: 'open311', endpoint: '$TEST_LIGHTING_URL', apiKeyEnv: 'TEST_NO_SUCH_KEY', serviceCode: 'X' });
    const deliveryId = await enqueue(test, test.reports.add({ categoryCode: 'test_nokey' }).id);
    assert.ok(deliveryId);
    const failed = await settled(test.integrations, deliveryId, 'failed');
    assert.equal(failed.lastError, "Set the environment variable TEST_NO_SUCH_KEY to the contractor's API key");
  });
});
