import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { formsEngine } from '../../../src/modules/forms/index.ts';
import { DRAFT_EXPIRY_JOB } from '../../../src/modules/forms/drafts/service.ts';
import type { FormsTables } from '../../../src/modules/forms/tables.ts';
import { answer, chooseAddress, dayParts, formsPlatform, lastEmailTo, refused, signedInResident, TestClient, visibleText, type TestPlatform } from './support.ts';

const form = '/forms/missed-bin';

async function waitFor<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('save and come back later', () => {
  let t: TestPlatform;
  const drafts = () => t.platform.services.db.withTables<FormsTables>().selectFrom('form_drafts');
  before(async () => {
    t = await formsPlatform();
  });
  after(async () => t.close());

  it('emails a link to someone without an account, which brings their answers back anywhere', async () => {
    const client = new TestClient(t.app);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    await answer(client, `${form}/bin`, { binType: 'garden' }, `${form}/due-date`);
    await client.get(`${form}/due-date`);
    // Half an answer is kept as it was; nothing on the page is checked when saving.
    let res = await client.post(`${form}/due-date`, { 'dueDate-day': '3', action: 'save' });
    assert.equal(res.headers.location, `${form}/save`);
    await refused(client, `${form}/save`, { email: '' }, ['Enter your email address']);
    res = await client.post(`${form}/save`, { email: 'kim@example.org' });
    assert.equal(res.headers.location, `${form}/saved?sent=1`);
    assert.match(visibleText((await client.get(`${form}/saved?sent=1`)).body), /We have sent you an email with a link to your answers/);

    const email = await lastEmailTo(t, 'kim@example.org');
    const link = /http:\/\/localhost:3000(\/forms\/resume\/[\w-]+)/.exec(email?.body ?? '')?.[1];
    assert.ok(link, 'the email has the link');
    const token = link.split('/').pop() ?? '';
    const row = await drafts().select(['token_hash', 'email', 'user_id']).executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token, 'only a hash of the token is kept');
    assert.equal(row.token_hash?.length, 64);

    const elsewhere = new TestClient(t.app);
    res = await elsewhere.get(link);
    assert.equal(res.headers.location, `${form}/due-date`);
    res = await elsewhere.get(`${form}/bin`);
    assert.match(res.body, /value="garden" checked/);
    await answer(elsewhere, `${form}/due-date`, dayParts('dueDate', -1), `${form}/out-by-7am`);
    await answer(elsewhere, `${form}/out-by-7am`, { outBy7am: 'yes' }, `${form}/details`);
    await answer(elsewhere, `${form}/details`, {}, `${form}/contact`);
    await answer(elsewhere, `${form}/contact`, { name: 'Kim', email: 'kim@example.org' }, `${form}/check-answers`);
    await answer(elsewhere, `${form}/check-answers`, {}, `${form}/confirmation`);
    assert.equal((await drafts().select('id').execute()).length, 0, 'the draft goes once the form is sent');
    assert.equal((await elsewhere.get(link)).statusCode, 404);
  });

  it('keeps a signed-in resident’s answers on their account, for them alone', async () => {
    const { client, userId } = await signedInResident(t);
    await chooseAddress(client, `${form}/address`, 'address', '100011002', `${form}/bin`);
    await client.get(`${form}/bin`);
    const res = await client.post(`${form}/bin`, { binType: 'paper', action: 'save' });
    assert.equal(res.headers.location, `${form}/saved`);
    assert.match(visibleText((await client.get(`${form}/saved`)).body), /You can come back to your form from your account/);

    const listed = await formsEngine(t.platform.services).drafts.repository.forUser(userId);
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.formTitle, 'Report a missed bin collection');
    const resumeHref = listed[0]?.resumeHref ?? '';
    assert.match(resumeHref, /^\/forms\/missed-bin\/resume\/[0-9a-f-]{36}$/);

    const other = await signedInResident(t);
    assert.equal((await other.client.get(resumeHref)).statusCode, 404);
    assert.equal((await new TestClient(t.app).get(resumeHref)).headers.location, '/sign-in');

    // A new session, as after signing out and in again.
    const again = await signedInResident(t);
    await t.platform.services.db.withTables<FormsTables>().updateTable('form_drafts').set({ user_id: again.userId }).where('user_id', '=', userId).execute();
    const resumed = await again.client.get(resumeHref);
    // The page saved from was not finished, so the journey picks up there.
    assert.equal(resumed.headers.location, `${form}/bin`);
    assert.match((await again.client.get(`${form}/bin`)).body, /value="paper" checked/);
  });

  it('lets drafts expire, and the scheduled job deletes them', async () => {
    const client = new TestClient(t.app);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    await client.get(`${form}/bin`);
    await client.post(`${form}/bin`, { action: 'save' });
    await client.post(`${form}/save`, { email: 'lee@example.org' });
    const link = /(\/forms\/resume\/[\w-]+)/.exec((await lastEmailTo(t, 'lee@example.org'))?.body ?? '')?.[1] ?? '';
    const draft = await drafts().select(['id', 'expires_at', 'created_at']).where('email', '=', 'lee@example.org').executeTakeFirstOrThrow();
    const days = (draft.expires_at.getTime() - draft.created_at.getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 14) < 0.01, 'the form keeps drafts 14 days');

    await t.platform.services.db.withTables<FormsTables>().updateTable('form_drafts').set({ expires_at: sql<Date>`now() - interval '1 minute'` }).where('id', '=', draft.id).execute();
    const res = await new TestClient(t.app).get(link);
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /This link has expired or does not work/);

    const { jobs, db } = t.platform.services;
    await jobs.work(0.5);
    await db.transaction().execute((trx) => jobs.send(trx, DRAFT_EXPIRY_JOB, {}));
    await waitFor(async () => ((await drafts().select('id').where('id', '=', draft.id).executeTakeFirst()) ? undefined : true));
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'forms.drafts_expired').execute();
    assert.ok(audit.length >= 1);
  });
});
