import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestPlatform } from '../../../support/platform.ts';
import { deliveryService, formsService, PermanentDeliveryError } from '../../../../src/modules/forms/delivery/index.ts';
import type { SubmissionRecord, TargetDefinition } from '../../../../src/modules/forms/contracts.ts';
import { postWebhook } from '../../../../src/modules/forms/delivery/webhook.ts';
import type { DeliveryRecord } from '../../../../src/modules/forms/delivery/repository.ts';
import { formsPlatform, storeSubmission, waitFor, WebhookReceiver } from './support.ts';

const SECRET = 'a-shared-secret-for-the-crm';
process.env.FORMS_TEST_WEBHOOK_SECRET = SECRET;

describe('sending submissions to their targets', () => {
  let t: TestPlatform;
  const receiver = new WebhookReceiver(SECRET);
  let url: string;
  const toCrm: SubmissionRecord[] = [];
  let crmDown = false;

  before(async () => {
    t = await formsPlatform();
    url = await receiver.start();
    const { services } = t.platform;
    formsService(services).registerSubmissionHandler({
      name: 'crm',
      async deliver(submission) {
        if (crmDown) throw new Error('the CRM is down');
        if (submission.answers.binType === 'rejected') throw new PermanentDeliveryError('bin type not handled');
        toCrm.push(submission);
        return { externalReference: `CASE-${toCrm.length}` };
      },
    });
    // Quick retries, so a test sees a retry and a final failure in seconds.
    services.jobs.define({ ...deliveryService(services).jobDefinition(), retryLimit: 2, retryDelay: 1, retryBackoff: false });
    await services.jobs.work(0.5);
  });
  after(async () => {
    await receiver.stop();
    await t.close();
  });

  async function submit(targets: TargetDefinition[], answers?: Record<string, unknown>): Promise<SubmissionRecord> {
    const { db } = t.platform.services;
    const submission = await storeSubmission(t, { targets, answers });
    await db.transaction().execute((trx) => deliveryService(t.platform.services).enqueue(trx, submission, targets));
    return submission;
  }

  async function deliveries(submission: SubmissionRecord): Promise<DeliveryRecord[]> {
    return deliveryService(t.platform.services).repository.forSubmission(submission.id);
  }

  async function settled(submission: SubmissionRecord, index = 0): Promise<DeliveryRecord> {
    return waitFor(async () => {
      const found = (await deliveries(submission))[index];
      return found && found.status !== 'pending' ? found : undefined;
    });
  }

  it('enqueues one delivery per target in the caller’s transaction, and never twice', async () => {
    const { db } = t.platform.services;
    const targets: TargetDefinition[] = [
      { type: 'email', to: 'bins@stockport.example' },
      { type: 'module', handler: 'crm' },
    ];
    const submission = await storeSubmission(t, { targets });
    await db
      .transaction()
      .execute(async (trx) => {
        await deliveryService(t.platform.services).enqueue(trx, submission, targets);
        throw new Error('the submission failed to save');
      })
      .catch(() => undefined);
    assert.equal((await deliveries(submission)).length, 0);
    const jobsFor = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'forms.deliver' and data->>'deliveryId' in (select id::text from form_deliveries where submission_id = ${submission.id})`.execute(db)).rows[0]?.n;
    await db.transaction().execute((trx) => deliveryService(t.platform.services).enqueue(trx, submission, targets));
    await db.transaction().execute((trx) => deliveryService(t.platform.services).enqueue(trx, submission, targets));
    assert.deepEqual((await deliveries(submission)).map((d) => [d.targetIndex, d.target.type]), [[0, 'email'], [1, 'module']]);
    assert.equal(await jobsFor(), 2);
    assert.equal((await settled(submission, 0)).status, 'sent');
    assert.equal((await settled(submission, 1)).status, 'sent');
  });

  it('POSTs signed JSON with an idempotency key to a webhook, mapped as the target says', async () => {
    const before = receiver.received.length;
    const submission = await submit([
      { type: 'webhook', url, secretEnv: 'FORMS_TEST_WEBHOOK_SECRET', mapping: { ref: 'reference', bin: 'answers.binType', items: 'answers.items', email: 'contact.email', service: '=missed-bin' } },
    ]);
    const delivery = await settled(submission);
    assert.equal(delivery.status, 'sent');
    assert.equal(delivery.attempts, 1);
    assert.equal(delivery.externalReference, `CRM-${before + 1}`);
    const got = receiver.received[before];
    assert.ok(got);
    assert.equal(got.signatureValid, true);
    assert.equal(got.headers['idempotency-key'], delivery.id);
    assert.equal(got.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(got.body), {
      ref: submission.reference,
      bin: 'recycling',
      items: [{ item: 'Sofa' }, { item: 'Fridge' }],
      email: 'ada@example.org',
      service: 'missed-bin',
    });
  });

  it('retries a webhook that answers 500, and records the error in between', async () => {
    receiver.answers = [500];
    const before = receiver.received.length;
    const submission = await submit([{ type: 'webhook', url, secretEnv: 'FORMS_TEST_WEBHOOK_SECRET' }]);
    const firstTry = await waitFor(async () => {
      const d = (await deliveries(submission))[0];
      return d && d.lastError ? d : undefined;
    });
    assert.equal(firstTry.status, 'pending');
    assert.match(firstTry.lastError ?? '', /The receiver answered 500/);
    const delivery = await settled(submission);
    assert.equal(delivery.status, 'sent');
    assert.equal(delivery.attempts, 2);
    assert.equal(delivery.lastError, null);
    assert.equal(receiver.received.length - before, 2);
    // The same key both times: the receiver can tell it is one delivery.
    assert.equal(receiver.received[before]?.headers['idempotency-key'], receiver.received[before + 1]?.headers['idempotency-key']);
    assert.equal(JSON.parse(receiver.received[before + 1]?.body ?? '{}').reference, submission.reference);
  });

  it('fails at once on a 400, since sending the same request again cannot help', async () => {
    receiver.answers = [400];
    const before = receiver.received.length;
    const submission = await submit([{ type: 'webhook', url, secretEnv: 'FORMS_TEST_WEBHOOK_SECRET' }]);
    const delivery = await settled(submission);
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts, 1);
    assert.match(delivery.lastError ?? '', /^The receiver answered 400: \{"error":"status 400"\}/);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(receiver.received.length - before, 1);
  });

  it('fails with the fix when the webhook’s secret is not set', async () => {
    const submission = await submit([{ type: 'webhook', url, secretEnv: 'FORMS_MISSING_SECRET' }]);
    const delivery = await settled(submission);
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.lastError, 'Set the environment variable FORMS_MISSING_SECRET');
  });

  it('marks a delivery failed after its last retry; staff retry it and it is sent', async () => {
    receiver.answers = [503, 503, 503];
    const before = receiver.received.length;
    const submission = await submit([{ type: 'webhook', url, secretEnv: 'FORMS_TEST_WEBHOOK_SECRET' }]);
    const failed = await settled(submission);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3, 'the first try and two retries');
    assert.match(failed.lastError ?? '', /The receiver answered 503/);
    const service = deliveryService(t.platform.services);
    const listed = await service.repository.failed(50, 0);
    assert.ok(listed.rows.some((r) => r.id === failed.id && r.reference === submission.reference));

    assert.equal(await service.retry(failed.id, { userId: null, ip: '127.0.0.1' }), true);
    assert.equal(await service.retry(failed.id, { userId: null }), false, 'a delivery no longer failed is not retried again');
    const sent = await settled(submission);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.attempts, 4);
    assert.equal(receiver.received.length - before, 4);
    const audit = await t.platform.services.audit.forSubject('form_delivery', failed.id);
    assert.deepEqual(audit.map((a) => a.action), ['forms.delivery_retried']);
  });

  it('lists a delivery whose job was lost (pending for hours) with the failed ones, for a retry', async () => {
    const { db } = t.platform.services;
    const submission = await storeSubmission(t);
    const service = deliveryService(t.platform.services);
    // As if the worker died mid-attempt and the job expired: the row is left pending, with no job.
    const [id] = await db.transaction().execute((trx) => service.repository.insert(trx, submission.id, [{ type: 'module', handler: 'crm' }]));
    assert.ok(id);
    assert.equal((await service.repository.failed(500, 0)).rows.some((r) => r.id === id), false, 'not while it may still be tried');
    await sql`update form_deliveries set updated_at = now() - interval '7 hours' where id = ${id}`.execute(db);
    assert.equal((await service.repository.failed(500, 0)).rows.some((r) => r.id === id && r.status === 'pending'), true);
    assert.equal(await service.retry(id, { userId: null }), true);
    assert.equal((await settled(submission)).status, 'sent');
    assert.equal(await service.retry('not-a-uuid', { userId: null }), false);
  });

  it('does not send a delivery that was already sent', async () => {
    const submission = await submit([{ type: 'webhook', url, secretEnv: 'FORMS_TEST_WEBHOOK_SECRET' }]);
    const sent = await settled(submission);
    const count = receiver.received.length;
    await deliveryService(t.platform.services).deliver(sent.id, { id: 'again', retryCount: 0, retryLimit: 2 });
    assert.equal(receiver.received.length, count);
    assert.equal((await deliveries(submission))[0]?.attempts, 1);
  });

  it('hands submissions to a module’s handler, retrying its failures and failing at once when it says so', async () => {
    const ok = await submit([{ type: 'module', handler: 'crm', mapping: { bin: 'answers.binType' } }]);
    const sent = await settled(ok);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.externalReference, `CASE-${toCrm.length}`);
    assert.equal(toCrm.at(-1)?.reference, ok.reference);

    crmDown = true;
    const down = await submit([{ type: 'module', handler: 'crm' }]);
    const failed = await settled(down);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3);
    assert.equal(failed.lastError, 'The crm handler failed: the CRM is down');
    crmDown = false;

    const refused = await settled(await submit([{ type: 'module', handler: 'crm' }], { binType: 'rejected' }));
    assert.equal(refused.status, 'failed');
    assert.equal(refused.attempts, 1);

    const unknown = await settled(await submit([{ type: 'module', handler: 'reports.streetlights' }]));
    assert.equal(unknown.status, 'failed');
    assert.equal(unknown.lastError, 'No submission handler called reports.streetlights is registered');
  });

  it('emails the answers as plain text to a back-office mailbox', async () => {
    const submission = await submit([{ type: 'email', to: 'waste.team@stockport.example' }]);
    assert.equal((await settled(submission)).status, 'sent');
    const message = (await t.platform.services.notify.recent(50)).find((m) => m.recipient === 'waste.team@stockport.example' && m.body.includes(submission.reference));
    assert.ok(message, 'the email is in notify_messages');
    assert.equal(message.subject, `Report a missed bin: ${submission.reference}`);
    assert.match(message.body, /^Report a missed bin\nReference: /);
    assert.match(message.body, /Contact: Ada Lovelace, ada@example\.org/);
    // The answers as the check answers page words them: each question, then the answer.
    assert.match(message.body, /\n\nWhich bin was missed\?\nrecycling\n\nItems not collected\nSofa\nFridge\n\nAnything else we should know\?\n=SUM\(A1\)$/);
  });

  it('writes a mapped payload key by key, add-another items numbered', async () => {
    const submission = await submit([{ type: 'email', to: 'crm.inbox@stockport.example', mapping: { binType: 'answers.binType', items: 'answers.items' } }]);
    assert.equal((await settled(submission)).status, 'sent');
    const message = (await t.platform.services.notify.recent(50)).find((m) => m.recipient === 'crm.inbox@stockport.example' && m.body.includes(submission.reference));
    assert.ok(message);
    assert.match(message.body, /\n\nBin type: recycling\nItems:\n {2}1\.\n {4}Item: Sofa\n {2}2\.\n {4}Item: Fridge$/);
  });

  it('gives up on a webhook that does not answer in time, for a retry later', async () => {
    receiver.delayMs = 1000;
    try {
      const attempt = await postWebhook({ url, secret: SECRET, deliveryId: 'd1', payload: {}, timeoutMs: 200 });
      assert.deepEqual(attempt, { ok: false, error: 'No answer within 0.2 seconds', permanent: false });
    } finally {
      receiver.delayMs = 0;
    }
    const refused = await postWebhook({ url: 'http://127.0.0.1:9/nothing-here', secret: SECRET, deliveryId: 'd2', payload: {} });
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && !refused.permanent && refused.error.startsWith('Could not connect'));
  });
});
