import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { LastmileModule } from '../../../src/platform/module.ts';
import { formsEngine, FORMS_FOLDER } from '../../../src/modules/forms/index.ts';
import { applyRetention } from '../../../src/modules/forms/retention.ts';
import type { FormsTables } from '../../../src/modules/forms/tables.ts';
import { answer, chooseAddress, dayParts, formsPlatform, lastEmailTo, signedInResident, TestClient, visibleText, type TestPlatform } from './support.ts';
import { createTestPlatform } from '../../support/platform.ts';

const form = '/forms/missed-bin';
const missedBin = (): Record<string, unknown> => JSON.parse(readFileSync(path.join(FORMS_FOLDER, 'missed-bin.json'), 'utf8'));

async function throughToCheckAnswers(client: TestClient, contact: Record<string, string> = { name: 'Sam', email: 'sam@example.org' }): Promise<void> {
  await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
  await answer(client, `${form}/bin`, { binType: 'general' }, `${form}/due-date`);
  await answer(client, `${form}/due-date`, dayParts('dueDate', -1), `${form}/out-by-7am`);
  await answer(client, `${form}/out-by-7am`, { outBy7am: 'yes' }, `${form}/details`);
  await answer(client, `${form}/details`, {}, `${form}/contact`);
  await answer(client, `${form}/contact`, contact, `${form}/check-answers`);
}

describe('the forms engine', () => {
  let t: TestPlatform;
  let staffId = '';
  let residentId = '';
  // Stands in for the staff pages, which put the assisted digital context in the session.
  const actingFor: LastmileModule = {
    name: 'test.assisted',
    async routes(app) {
      app.get('/test/act-for', async (request) => {
        request.session.assisted = { staffId, residentUserId: residentId, contact: { name: 'Rene Resident', email: 'rene@example.org' } };
        return 'ok';
      });
    },
  };
  const submissions = () => t.platform.services.db.withTables<FormsTables>().selectFrom('form_submissions');

  before(async () => {
    t = await formsPlatform({}, [actingFor]);
    const { accounts } = t.platform.services;
    staffId = await accounts.createVerifiedUser({ email: 'adviser@example.org', password: 'a long staff password', roles: ['customer_services'] }, { userId: null });
    residentId = await accounts.createVerifiedUser({ email: 'rene.account@example.org', password: 'a long resident password' }, { userId: null });
  });
  after(async () => t.close());

  it('keeps a journey on the version it began with when staff publish a new one', async () => {
    const client = new TestClient(t.app);
    await throughToCheckAnswers(client);
    const { registry } = formsEngine(t.platform.services);
    const published = await registry.publish({ ...missedBin(), title: 'Report a missed bin' }, staffId);
    assert.ok(published.ok);
    assert.equal(published.form.version, 2, 'the next number, whatever the JSON said');
    await answer(client, `${form}/check-answers`, {}, `${form}/confirmation`);
    const sent = await submissions().select(['form_version', 'form_title']).orderBy('submitted_at', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(sent, { form_version: 1, form_title: 'Report a missed bin collection' });
    assert.match((await new TestClient(t.app).get(form)).body, /<h1 class="govuk-heading-xl">Report a missed bin<\/h1>/);

    const refused = await registry.publish({ ...missedBin(), pages: [] }, staffId);
    assert.deepEqual(refused.ok ? [] : refused.problems, [{ path: 'pages', message: 'must have at least 1 item' }]);
    assert.deepEqual((await registry.versions('missed-bin')).map((v) => [v.version, v.source]), [[2, 'staff'], [1, 'repo']]);
  });

  it('refuses a repository form changed without a new version number, and gives way to staff', async () => {
    const { registry } = formsEngine(t.platform.services);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'lastmile-forms-'));
    writeFileSync(path.join(folder, 'missed-bin.json'), JSON.stringify({ ...missedBin(), title: 'Changed in the repository' }));
    await assert.rejects(registry.loadFolders([folder]), /version 1 of form "missed-bin" is already stored with different content/);
    writeFileSync(path.join(folder, 'missed-bin.json'), JSON.stringify({ ...missedBin(), version: 2 }));
    assert.deepEqual(await registry.loadFolders([folder]), [], 'staff published version 2 first, so theirs stands');
    writeFileSync(path.join(folder, 'missed-bin.json'), JSON.stringify({ ...missedBin(), pages: [{ id: 'x', fields: [{ type: 'nope' }] }] }));
    await assert.rejects(registry.loadFolders([folder]), /pages\[0\]\.fields\[0\]\.type: must be one of text/);
  });

  it('drops fields no page asks for, and answers a hidden question had', async () => {
    const client = new TestClient(t.app);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    await answer(client, `${form}/bin`, { binType: 'general', reference: 'FORGED', userId: residentId, answered: 'contact' }, `${form}/due-date`);
    const res = await client.get(`${form}/contact`);
    assert.equal(res.headers.location, `${form}/due-date`, 'posted progress is not taken');
    const state = (await t.platform.services.db.selectFrom('sessions').select('data').execute()).map((r) => JSON.stringify(r.data)).join();
    assert.doesNotMatch(state, /FORGED/);
  });

  it('stores a form staff fill in for a resident as assisted, for the resident', async () => {
    // The context holds only for the member of staff who began it, signed in with the permission.
    const adviser = await signedInResident(t, { roles: ['customer_services'] });
    const staff = adviser.client;
    staffId = adviser.userId;
    await staff.get('/test/act-for');
    await chooseAddress(staff, `${form}/address`, 'address', '100011002', `${form}/bin`);
    const page = await staff.get(`${form}/bin`);
    assert.doesNotMatch(page.body, /Save and come back later/);
    await answer(staff, `${form}/bin`, { binType: 'paper' }, `${form}/due-date`);
    await answer(staff, `${form}/due-date`, dayParts('dueDate', -3), `${form}/out-by-7am`);
    await answer(staff, `${form}/out-by-7am`, { outBy7am: 'yes' }, `${form}/details`);
    await answer(staff, `${form}/details`, {}, `${form}/contact`);
    await answer(staff, `${form}/contact`, { name: 'Rene Resident', email: 'rene@example.org' }, `${form}/check-answers`);
    await answer(staff, `${form}/check-answers`, {}, `${form}/confirmation`);
    const sent = await submissions().select(['channel', 'staff_id', 'user_id', 'contact']).orderBy('submitted_at', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(sent, { channel: 'assisted', staff_id: staffId, user_id: residentId, contact: { name: 'Rene Resident', email: 'rene@example.org' } });
    assert.ok(await lastEmailTo(t, 'rene@example.org'));
    const audit = await t.platform.services.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'forms.submitted').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.actor_id, staffId);
    assert.equal((await formsEngine(t.platform.services).submissions.repository.forUser(residentId)).length, 1, 'listed for the resident’s account');
  });

  it('deletes submissions kept longer than their form says', async () => {
    const client = new TestClient(t.app);
    await throughToCheckAnswers(client, { name: 'Old', email: 'old@example.org' });
    await answer(client, `${form}/check-answers`, {}, `${form}/confirmation`);
    const reference = /<strong>([^<]+)<\/strong>/.exec((await client.get(`${form}/confirmation`)).body)?.[1] ?? '';
    await sql`update form_submissions set submitted_at = now() - interval '731 days' where reference = ${reference}`.execute(t.platform.services.db);
    const removed = await applyRetention(formsEngine(t.platform.services));
    assert.equal(removed.submissions, 1);
    assert.equal(await submissions().select('id').where('reference', '=', reference).executeTakeFirst(), undefined);
  });

  it('loads extra forms from FORMS_EXTRA_DIR', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'lastmile-extra-'));
    writeFileSync(path.join(folder, 'extra.json'), JSON.stringify({ ...missedBin(), id: 'extra-form', title: 'An extra form' }));
    const extra = await createTestPlatform({ FORMS_EXTRA_DIR: folder }, { modules: [] });
    try {
      const res = await extra.app.inject({ method: 'GET', url: '/forms' });
      assert.match(visibleText(res.body), /An extra form/);
    } finally {
      await extra.close();
    }
  });
});
