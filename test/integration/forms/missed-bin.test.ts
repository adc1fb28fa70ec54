import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answer, chooseAddress, dayParts, formsPlatform, lastEmailTo, refused, TestClient, visibleText, type TestPlatform } from './support.ts';

const form = '/forms/missed-bin';

describe('Report a missed bin collection', () => {
  let t: TestPlatform;
  before(async () => {
    t = await formsPlatform();
  });
  after(async () => t.close());

  /** Through to the contact page with good answers. */
  async function upToContact(client: TestClient): Promise<void> {
    await chooseAddress(client, `${form}/address`, 'address', '100011002', `${form}/bin`);
    await answer(client, `${form}/bin`, { binType: 'mixed' }, `${form}/due-date`);
    await answer(client, `${form}/due-date`, dayParts('dueDate', -2), `${form}/out-by-7am`);
    await answer(client, `${form}/out-by-7am`, { outBy7am: 'yes' }, `${form}/details`);
    await answer(client, `${form}/details`, { details: 'Left by the gate' }, `${form}/contact`);
  }

  it('takes a report from start page to confirmation, with the reference in an email', async () => {
    const client = new TestClient(t.app);
    const start = await client.get(form);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /<h1 class="govuk-heading-xl">Report a missed bin collection<\/h1>/);
    assert.match(start.body, /href="\/forms\/missed-bin\/address"[^>]*>\s*Start now/);

    await upToContact(client);
    await answer(client, `${form}/contact`, { name: 'Sam Resident', email: 'sam@example.org', phone: '07700 900982' }, `${form}/check-answers`);

    const check = await client.get(`${form}/check-answers`);
    assert.equal(check.statusCode, 200);
    const text = visibleText(check.body);
    assert.match(text, /Which bin was missed\? Brown bin/);
    assert.match(text, /10 Mersey Road Heaton Mersey Stockport SK4 3DA/);
    assert.match(text, /Telephone number 07700 900982/);
    assert.match(check.body, /href="\/forms\/missed-bin\/bin\?change=1"/);

    const sent = await client.post(`${form}/check-answers`, {});
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${form}/confirmation`);
    const confirmation = await client.get(`${form}/confirmation`);
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(confirmation.body)?.[1] ?? '';
    assert.match(reference, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/);
    assert.match(confirmation.body, /class="govuk-panel govuk-panel--confirmation"/);
    assert.match(visibleText(confirmation.body), /Missed bin reported Your reference number/);
    assert.match(visibleText(confirmation.body), /We have sent a confirmation email to sam@example.org/);

    const email = await lastEmailTo(t, 'sam@example.org');
    assert.ok(email, 'a confirmation email is in the outbox');
    assert.match(email.subject, new RegExp(reference));
    assert.match(email.body, /Which bin was missed\?\nBrown bin/);

    const stored = await t.platform.services.db.withTables<import('../../../src/modules/forms/tables.ts').FormsTables>().selectFrom('form_submissions').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal(stored.form_version, 1);
    assert.equal(stored.channel, 'online');
    assert.deepEqual(stored.contact, { name: 'Sam Resident', email: 'sam@example.org', phone: '+447700900982' });
  });

  it('shows each problem in the summary and by its field', async () => {
    const client = new TestClient(t.app);
    await client.get(form);
    await refused(client, `${form}/address`, { addressStep: 'postcode', addressPostcode: '', addressAction: 'find' }, ['Enter a postcode']);
    await refused(client, `${form}/address`, { addressStep: 'postcode', addressPostcode: 'SK99 9ZZZ', addressAction: 'find' }, ['Enter a real postcode']);
    await refused(client, `${form}/address`, { addressStep: 'choose', addressPostcode: 'M1 1AA', addressUprn: '200022001' }, ['Enter an address in Stockport']);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    await refused(client, `${form}/bin`, {}, ['Select which bin was missed']);
    await refused(client, `${form}/bin`, { binType: 'purple' }, ['Select which bin was missed']);
    await answer(client, `${form}/bin`, { binType: 'general' }, `${form}/due-date`);
    await refused(client, `${form}/due-date`, {}, ['Enter the date the bin was due to be collected']);
    await refused(client, `${form}/due-date`, { 'dueDate-day': '31', 'dueDate-month': '', 'dueDate-year': '2026' }, ['Date the bin was due must include a month']);
    await refused(client, `${form}/due-date`, { 'dueDate-day': '31', 'dueDate-month': '2', 'dueDate-year': '2026' }, ['Date the bin was due must be a real date']);
    await refused(client, `${form}/due-date`, dayParts('dueDate', 1), ['Date the bin was due must be today or in the past']);
    await refused(client, `${form}/due-date`, dayParts('dueDate', -15), ['Date the bin was due must be within the last 14 days']);
    await answer(client, `${form}/due-date`, dayParts('dueDate', -14), `${form}/out-by-7am`);
    await refused(client, `${form}/out-by-7am`, {}, ['Select yes if the bin was out by 7am']);
    await answer(client, `${form}/out-by-7am`, { outBy7am: 'yes' }, `${form}/details`);
    await refused(client, `${form}/details`, { details: 'x'.repeat(501) }, ['Details must be 500 characters or less']);
    await answer(client, `${form}/details`, {}, `${form}/contact`);
    await refused(client, `${form}/contact`, {}, ['Enter your full name', 'Enter your email address']);
    await refused(client, `${form}/contact`, { name: 'Sam', email: 'sam-at-example', phone: '12345' }, [
      'Enter an email address in the correct format, like name@example.com',
      'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    ]);
  });

  it('stops at an outcome page when the bin was not out by 7am', async () => {
    const client = new TestClient(t.app);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    await answer(client, `${form}/bin`, { binType: 'general' }, `${form}/due-date`);
    await answer(client, `${form}/due-date`, dayParts('dueDate', -1), `${form}/out-by-7am`);
    await answer(client, `${form}/out-by-7am`, { outBy7am: 'no' }, `${form}/not-out-in-time`);
    const end = await client.get(`${form}/not-out-in-time`);
    assert.equal(end.statusCode, 200);
    assert.match(end.body, /<h1 class="govuk-heading-l">We cannot collect the bin again<\/h1>/);
    assert.doesNotMatch(end.body, /<form method="post"/);
    const check = await client.get(`${form}/check-answers`);
    assert.equal(check.headers.location, `${form}/not-out-in-time`, 'there is no way on to sending the form');
  });

  it('sends someone who skips ahead to the first page they have not answered', async () => {
    const client = new TestClient(t.app);
    await client.get(form);
    let res = await client.get(`${form}/contact`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${form}/address`);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/bin`);
    res = await client.post(`${form}/due-date`, dayParts('dueDate', -1));
    assert.equal(res.headers.location, `${form}/bin`);
    res = await client.post(`${form}/check-answers`, {});
    assert.equal(res.headers.location, `${form}/bin`);
  });
});
