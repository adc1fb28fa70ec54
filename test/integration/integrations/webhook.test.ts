import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { SIGNATURE_HEADER, verify } from '../../../src/platform/webhooks/signature.ts';
import { enqueue, integrationsPlatform, setRoute, settled, type IntegrationsTest } from './support.ts';

describe('sending reports to a contractor’s webhook', () => {
  let test: IntegrationsTest;
  let contractor: ContractorOpen311;

  before(async () => {
    contractor = await ContractorOpen311.start();
    process.env.TEST_WEBHOOK_SECRET = 'whsec-lighting-contract';
    test = await integrationsPlatform();
    await setRoute(test.t, 'test_lights', { type: 'webhook', url: contractor.webhookUrl, secretEnv: 'TEST_WEBHOOK_SECRET' });
    await test.t.platform.services.jobs.work(0.5);
  });
  after(async () => {
    await test.t.close();
    await contractor.close();
  });
  beforeEach(() => contractor.recover());

  function callsFor(reference: string) {
    return contractor.calls('POST', '/webhook').filter((r) => r.body.includes(reference));
  }

  it('posts the report as JSON, signed so the contractor can check it came from us, with an Idempotency-Key', async () => {
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    const sent = await settled(test.integrations, deliveryId, 'sent');

    const [call] = callsFor(report.reference);
    assert.ok(call);
    assert.equal(call.headers['content-type'], 'application/json');
    assert.equal(call.headers['idempotency-key'], deliveryId);
    const signature = String(call.headers[SIGNATURE_HEADER.toLowerCase()]);
    assert.equal(verify('whsec-lighting-contract', call.body, signature), true, 'the signature verifies with the shared secret');
    assert.equal(verify('another-secret', call.body, signature), false);
    assert.equal(verify('whsec-lighting-contract', call.body.replace('flickering', 'fixed'), signature), false, 'a changed body does not verify');

    const payload: unknown = JSON.parse(call.body);
    assert.deepEqual(payload, {
      event: 'report.routed',
      report: {
        id: report.id,
        reference: report.reference,
        category: 'test_lights',
        state: 'open',
        description: report.description,
        location: { lat: report.lat, lon: report.lon, description: report.locationDescription, assetId: 'SL-0042', usrn: '4200123' },
        answers: report.answers,
        photos: [],
        reporter: { name: 'Ada King Lovelace', email: 'ada@example.org', phone: '07700 900982' },
        createdAt: report.createdAt.toISOString(),
      },
    });
    assert.match(sent.externalId ?? '', /^WH-\d+$/, 'the receiver’s reference is kept');
  });

  it('retries a webhook that answers 500, with the same Idempotency-Key, then succeeds', async () => {
    contractor.fail({ kind: 'status', status: 500, body: 'oops' }, 'webhook', 1);
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    await settled(test.integrations, deliveryId, 'sent', 30_000);
    const calls = callsFor(report.reference);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.map((c) => c.headers['idempotency-key']), [deliveryId, deliveryId]);
  });

  it('fails at once when the webhook refuses the report (422)', async () => {
    contractor.fail({ kind: 'status', status: 422, body: '{"error":"unknown category"}' }, 'webhook', 1);
    const deliveryId = await enqueue(test, test.reports.add().id);
    assert.ok(deliveryId);
    const failed = await settled(test.integrations, deliveryId, 'failed');
    assert.equal(failed.attempts, 1);
    assert.equal(failed.lastError, 'The contractor answered 422: {"error":"unknown category"}');
  });
});
