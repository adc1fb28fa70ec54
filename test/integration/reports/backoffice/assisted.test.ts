import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorSummary, TestClient } from '../../../support/client.ts';
import { signedInResident, visibleText } from '../../account/support.ts';
import { assetOf, messagesAbout, streetlightReport, streetOf } from '../support.ts';
import { referenceIn } from '../web/support.ts';
import { reportsDb } from '../../../../src/modules/reports/tables.ts';
import { backOffice, type BackOfficeTest } from './support.ts';

const START = '/staff/reports/new';

describe('assisted digital: staff take a street report for a caller', () => {
  let b: BackOfficeTest;
  before(async () => {
    b = await backOffice();
  });
  after(async () => b.test.close());

  const reportCount = async () => Number((await reportsDb(b.test.t.platform.services.db).selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** Caller and problem, then a street chosen from the search, as an officer on the phone would. */
  async function callerAndStreet(client: TestClient, caller: Record<string, string>, nth: number): Promise<string> {
    const street = await streetOf(b.test, 'council', nth);
    await client.get(START);
    const started = await client.post(START, { channel: 'phone', category: 'pothole', ...caller });
    assert.equal(started.headers.location, `${START}/where`, errorSummary(client.lastHtml).join('; '));
    const search = await client.get(`${START}/where?search=${encodeURIComponent(street.name)}`);
    assert.match(search.body, new RegExp(`value="street:${street.usrn}"`), 'the search offers the street');
    const where = await client.post(`${START}/where`, { search: street.name, place: `street:${street.usrn}`, locationDescription: 'Outside the library' });
    assert.equal(where.headers.location, `${START}/details`, errorSummary(client.lastHtml).join('; '));
    return street.name;
  }

  async function sendDetails(client: TestClient): Promise<string> {
    await client.get(`${START}/details`);
    const sent = await client.post(`${START}/details`, { size: 'medium', depth: 'deep', where: 'road', description: 'A deep pothole the caller hit on their bike' });
    assert.equal(sent.headers.location, `${START}/confirmation`, errorSummary(client.lastHtml).join('; '));
    const page = await client.get(`${START}/confirmation`);
    assert.equal(page.statusCode, 200);
    return referenceIn(page.body);
  }

  it('takes a phone report for a caller with only a landline: recorded as taken by the officer, nothing sent, the reference to read out', async () => {
    const { client, userId } = b.officer;
    await callerAndStreet(client, { name: 'Mabel Pines', phone: '01632 960 001', updates: 'yes' }, 2);
    const reference = await sendDetails(client);
    const text = visibleText(client.lastHtml);
    assert.match(text, /Read the reference out to Mabel Pines/);
    assert.match(text, /We will not send the caller an email or a text message about this report/);

    const report = await b.test.core.records.findByReference(reference);
    assert.ok(report);
    assert.equal(report.channel, 'phone');
    assert.equal(report.staffId, userId);
    assert.equal(report.reporter.phone, '01632 960 001');
    assert.equal(report.reporter.email, null);
    assert.equal(report.locationDescription, 'Outside the library');
    assert.deepEqual(await messagesAbout(b.test, reference), [], 'no email or text for a landline');

    const audit = await b.test.t.platform.services.audit.forSubject('report', report.id);
    const created = audit.find((a) => a.action === 'reports.created');
    assert.equal(created?.actor_id, userId);
    assert.equal(created?.details.channel, 'phone');

    const staffPage = visibleText((await client.get(`/staff/reports/${report.id}`)).body);
    assert.match(staffPage, /Taken by Hilda Highways by phone/);
  });

  it('emails a caller who gave an email address the reference and their tracking link, which lets them add information', async () => {
    const { client } = b.officer;
    await callerAndStreet(client, { name: 'Dipper Pines', email: 'dipper@example.com', updates: 'yes' }, 3);
    const reference = await sendDetails(client);
    assert.match(visibleText(client.lastHtml), /We have emailed them a confirmation with the reference and a link to track the report/);
    const [email, ...others] = await messagesAbout(b.test, reference);
    assert.equal(others.length, 0);
    assert.equal(email?.channel, 'email');
    assert.equal(email?.recipient, 'dipper@example.com');
    assert.match(email?.body ?? '', new RegExp(`Your reference: ${reference}`));
    const link = new RegExp(`${b.test.t.config.baseUrl}(/reports/${reference}\\?token=[\\w-]{43})`).exec(email?.body ?? '')?.[1];
    assert.ok(link, 'the email carries the private tracking link');

    // The caller opens the link at home: it makes them the reporter in their browser.
    const caller = new TestClient(b.test.t.app);
    await caller.follow(await caller.get(link));
    const added = await caller.post(`/reports/${reference}/add-information`, { information: 'It is about a metre from the kerb' });
    assert.equal(added.statusCode, 303);
    const stranger = new TestClient(b.test.t.app);
    await stranger.get(`/reports/${reference}`);
    assert.equal((await stranger.post(`/reports/${reference}/add-information`, { information: 'Not mine' })).statusCode, 403);
  });

  it('keeps no contact details for a caller who does not want updates', async () => {
    const { client } = b.officer;
    await callerAndStreet(client, { name: 'Stan Pines', email: 'stan@example.com', phone: '07700 900123', updates: 'no' }, 4);
    const reference = await sendDetails(client);
    const report = await b.test.core.records.findByReference(reference);
    assert.equal(report?.reporter.name, 'Stan Pines');
    assert.equal(report?.reporter.email, null);
    assert.equal(report?.reporter.phone, null);
    assert.deepEqual(await messagesAbout(b.test, reference), []);
  });

  it('shows what is wrong, stores nothing, and keeps what was typed', async () => {
    const { client } = b.officer;
    const before = await reportCount();
    await client.get(START);
    const empty = await client.post(START, {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), ['Select how the caller is reporting the problem', 'Select what the problem is', 'Select whether the caller wants updates about the problem']);
    const bad = await client.post(START, { channel: 'phone', category: 'pothole', email: 'not-an-email', updates: 'yes' });
    assert.deepEqual(errorSummary(bad.body), ['Enter an email address in the correct format, like name@example.com']);
    assert.match(bad.body, /value="not-an-email"/);
    const nowhere = await client.post(START, { channel: 'assisted', category: 'pothole', updates: 'yes' });
    assert.deepEqual(errorSummary(nowhere.body), ['Enter the caller’s email address or telephone number, so we can send them updates']);

    await callerAndStreet(client, { updates: 'no' }, 5);
    await client.get(`${START}/details`);
    const noDescription = await client.post(`${START}/details`, { size: 'medium', depth: 'deep', where: 'road', description: ' ' });
    assert.equal(noDescription.statusCode, 400);
    assert.ok(errorSummary(noDescription.body).includes('Describe the problem'));
    assert.equal(await reportCount(), before, 'nothing was stored');
  });

  it('offers the caller an existing report on the same asset, and adds them to it instead of making a duplicate', async () => {
    const light = await assetOf(b.test, 'streetlights', 'ok', 3);
    const existing = await b.test.core.pipeline.submit(streetlightReport(light));
    const { client, userId } = b.officer;
    await client.get(START);
    await client.post(START, { channel: 'assisted', category: 'streetlight', name: 'Wendy Corduroy', email: 'wendy@example.com', updates: 'yes' });
    await client.get(`${START}/where`);
    const where = await client.post(`${START}/where`, { assetId: light.id });
    assert.equal(where.headers.location, `${START}/nearby`);
    const nearby = await client.get(`${START}/nearby`);
    assert.match(visibleText(nearby.body), new RegExp(`reference ${existing.reference}`));
    const before = await reportCount();
    const followed = await client.post(`${START}/follow`, { reportId: existing.id });
    assert.equal(followed.headers.location, `${START}/confirmation`);
    const page = await client.get(`${START}/confirmation`);
    assert.equal(referenceIn(page.body), existing.reference);
    assert.equal(await reportCount(), before, 'no second report');
    const messages = await messagesAbout(b.test, existing.reference);
    assert.ok(messages.some((m) => m.recipient === 'wendy@example.com'), 'the caller is told they will get its updates');
    const audit = await b.test.t.platform.services.audit.forSubject('report', existing.id);
    assert.equal(audit.find((a) => a.action === 'reports.caller_subscribed')?.actor_id, userId);
  });

  it('is for staff who act for residents: residents get 403, people not signed in are sent to sign in', async () => {
    const resident = await signedInResident(b.test.t);
    assert.equal((await resident.client.get(START)).statusCode, 403);
    const csrf = resident.client.csrfToken();
    assert.equal((await resident.client.post(START, { channel: 'phone', category: 'pothole', updates: 'no', ...(csrf ? { _csrf: csrf } : {}) })).statusCode, 403);
    const anonymous = await b.test.t.app.inject({ method: 'GET', url: START });
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, '/sign-in');
    const adviser = await signedInResident(b.test.t, { roles: ['customer_services'] });
    const page = await adviser.client.get(START);
    assert.equal(page.statusCode, 200, 'customer services advisers take reports too');
  });
});
