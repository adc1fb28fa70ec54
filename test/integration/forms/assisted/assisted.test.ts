import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestPlatform } from '../../../support/platform.ts';
import { errorSummary, type TestClient } from '../../../support/client.ts';
import { fieldError, signedInResident, visibleText } from '../../account/support.ts';
import { formsEngine } from '../../../../src/modules/forms/index.ts';
import { formsPlatform } from '../delivery/support.ts';

const FORM = {
  id: 'assisted-bin',
  title: 'Ask for a new bin',
  version: 1,
  start: { paragraphs: ['Ask us for a new or replacement bin.'] },
  pages: [{ id: 'bin', fields: [{ type: 'text', name: 'binType', label: 'Which bin do you need?' }] }],
  targets: [],
  retention: { submissionDays: 365 },
};

interface Row {
  channel: string;
  user_id: string | null;
  staff_id: string | null;
  contact: Record<string, string>;
  answers: Record<string, unknown>;
  reference: string;
}

describe('assisted digital: staff fill a form in for a resident', () => {
  let t: TestPlatform;
  let adviser: { client: TestClient; userId: string };

  before(async () => {
    t = await formsPlatform();
    const admin = await t.platform.services.accounts.createVerifiedUser({ email: 'forms.admin@example.org', password: 'x'.repeat(20), roles: ['admin'] }, { userId: null });
    const published = await formsEngine(t.platform.services).registry.publish(FORM, admin);
    assert.ok(published.ok);
    adviser = await signedInResident(t, { roles: ['customer_services'], name: 'Chidi Anagonye' });
  });
  after(async () => t.close());

  async function submissions(): Promise<Row[]> {
    return (await sql<Row>`select channel, user_id, staff_id, contact, answers, reference from form_submissions where form_id = ${FORM.id} order by submitted_at`.execute(t.platform.services.db)).rows;
  }

  /** Answers the form's one page and sends it, as the adviser would. */
  async function fillIn(client: TestClient, binType: string): Promise<string> {
    const page = await client.get(`/forms/${FORM.id}/bin`);
    assert.equal(page.statusCode, 200);
    const answered = await client.post(`/forms/${FORM.id}/bin`, { binType });
    assert.equal(answered.headers.location, `/forms/${FORM.id}/check-answers`);
    await client.get(`/forms/${FORM.id}/check-answers`);
    const sent = await client.post(`/forms/${FORM.id}/check-answers`);
    assert.equal(sent.headers.location, `/forms/${FORM.id}/confirmation`);
    return (await client.get(`/forms/${FORM.id}/confirmation`)).body;
  }

  it('is for staff who act for residents', async () => {
    assert.equal((await adviser.client.get('/staff/assisted')).statusCode, 200);
    const manager = await signedInResident(t, { roles: ['forms_manager'] });
    assert.equal((await manager.client.get('/staff/assisted')).statusCode, 403);
    const resident = await signedInResident(t);
    assert.equal((await resident.client.get('/staff/assisted/contact')).statusCode, 403);
    assert.match((await adviser.client.get('/staff')).body, /href="\/staff\/assisted"/);
  });

  it('finds a resident’s account, shows who the form is for, and files the submission to their account', async () => {
    const resident = await signedInResident(t, { name: 'Ada Lovelace' });
    const { client } = adviser;
    await client.get('/staff/assisted');
    const unknown = await client.post('/staff/assisted', { email: 'nobody@example.org' });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(errorSummary(unknown.body), ['No account uses this email address. Check it, or enter their contact details instead']);
    const found = await client.post('/staff/assisted', { email: resident.email.toUpperCase() });
    assert.equal(found.headers.location, '/staff/assisted/form');
    const choose = await client.get('/staff/assisted/form');
    assert.match(visibleText(choose.body), /Which form are you filling in for Ada Lovelace\? .*Ask for a new bin/);
    const none = await client.post('/staff/assisted/form', {});
    assert.deepEqual(errorSummary(none.body), ['Select the form you are filling in for them']);
    assert.equal(fieldError(none.body, 'formId'), 'Select the form you are filling in for them');
    const started = await client.post('/staff/assisted/form', { formId: FORM.id });
    assert.equal(started.headers.location, `/forms/${FORM.id}`);

    const start = await client.get(`/forms/${FORM.id}`);
    assert.match(visibleText(start.body), /Assisted digital You are filling this in for Ada Lovelace ?\. Stop filling in forms for them/);
    const confirmation = await fillIn(client, 'Recycling');
    assert.match(visibleText(confirmation), /You filled this in for Ada Lovelace\. Start another for someone else/);
    assert.match(confirmation, /href="\/staff\/assisted"/);
    // The assisted session is over: the next form the adviser opens is their own.
    assert.doesNotMatch(visibleText((await client.get(`/forms/${FORM.id}`)).body), /filling this in for/);

    const [row] = await submissions();
    assert.ok(row);
    assert.deepEqual([row.channel, row.user_id, row.staff_id, row.contact.email, row.answers.binType], ['assisted', resident.userId, adviser.userId, resident.email, 'Recycling']);
    // The resident sees it in My Account, as if they had sent it themselves.
    const account = visibleText((await resident.client.get('/account')).body);
    assert.match(account, new RegExp(`Your forms .*Ask for a new bin, reference ${row.reference}, sent \\d+ \\w+ \\d{4} Sent`));
    const audit = await t.platform.services.audit.forSubject('user', resident.userId);
    const startedEntry = audit.find((a) => a.action === 'forms.assisted_started');
    assert.ok(startedEntry);
    assert.equal(startedEntry.actor_id, adviser.userId);
    assert.deepEqual(startedEntry.details, { form: FORM.id, version: 1, residentUserId: resident.userId, contactGiven: ['email', 'name'] });
    const submitted = (await sql<{ actor_id: string; details: Record<string, unknown> }>`select actor_id, details from audit_log where action = 'forms.submitted' and details->>'reference' = ${row.reference}`.execute(t.platform.services.db)).rows[0];
    assert.equal(submitted?.actor_id, adviser.userId);
    assert.equal(submitted?.details.channel, 'assisted');
  });

  it('takes contact details for a resident without an account', async () => {
    const { client } = adviser;
    await client.get('/staff/assisted/contact');
    const empty = await client.post('/staff/assisted/contact', { name: '', email: '', phone: '' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), ['Enter their full name', 'Enter an email address or a telephone number, so we can tell them what happens next']);
    assert.equal(fieldError(empty.body, 'name'), 'Enter their full name');
    const ok = await client.post('/staff/assisted/contact', { name: 'Tahani Al-Jamil', email: '', phone: '0161 496 0000' });
    assert.equal(ok.headers.location, '/staff/assisted/form');
    await client.get('/staff/assisted/form');
    await client.post('/staff/assisted/form', { formId: FORM.id });
    await fillIn(client, 'Garden waste');
    const row = (await submissions()).at(-1);
    assert.deepEqual([row?.channel, row?.user_id, row?.staff_id, row?.contact], ['assisted', null, adviser.userId, { name: 'Tahani Al-Jamil', phone: '+441614960000' }]);
  });

  it('stops cleanly, and never carries one resident’s answers into another’s form', async () => {
    const { client } = adviser;
    await client.get('/staff/assisted/contact');
    await client.post('/staff/assisted/contact', { name: 'Eleanor Shellstrop', email: 'eleanor@example.org', phone: '' });
    await client.get('/staff/assisted/form');
    await client.post('/staff/assisted/form', { formId: FORM.id });
    await client.get(`/forms/${FORM.id}/bin`);
    await client.post(`/forms/${FORM.id}/bin`, { binType: 'Eleanor’s answer' });

    await client.get('/staff/assisted/contact');
    await client.post('/staff/assisted/contact', { name: 'Jason Mendoza', email: 'jason@example.org', phone: '' });
    await client.get('/staff/assisted/form');
    await client.post('/staff/assisted/form', { formId: FORM.id });
    const page = await client.get(`/forms/${FORM.id}/bin`);
    assert.match(visibleText(page.body), /You are filling this in for Jason Mendoza/);
    assert.doesNotMatch(page.body, /Eleanor’s answer/);

    const confirm = await client.get(`/staff/assisted/end?return=${encodeURIComponent(`/forms/${FORM.id}/bin`)}`);
    assert.match(visibleText(confirm.body), /Stop filling in forms for Jason Mendoza\?/);
    assert.match(confirm.body, new RegExp(`href="/forms/${FORM.id}/bin">Cancel`));
    const stopped = await client.post('/staff/assisted/end');
    assert.equal(stopped.headers.location, '/staff/assisted');
    assert.match(visibleText((await client.follow(stopped)).body), /You have stopped filling in forms for Jason Mendoza/);
    assert.doesNotMatch(visibleText((await client.get(`/forms/${FORM.id}/bin`)).body), /filling this in for/);
  });

  it('ends the assisted session when the adviser loses the permission', async () => {
    const other = await signedInResident(t, { roles: ['customer_services'] });
    await other.client.get('/staff/assisted/contact');
    await other.client.post('/staff/assisted/contact', { name: 'Michael', email: 'michael@example.org', phone: '' });
    await other.client.get('/staff/assisted/form');
    await other.client.post('/staff/assisted/form', { formId: FORM.id });
    assert.match(visibleText((await other.client.get(`/forms/${FORM.id}`)).body), /filling this in for Michael/);
    await t.platform.services.db.deleteFrom('user_roles').where('user_id', '=', other.userId).execute();
    assert.doesNotMatch(visibleText((await other.client.get(`/forms/${FORM.id}`)).body), /filling this in for/);
  });
});
