import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answer, chooseAddress, dayParts, formsPlatform, isoDay, lastEmailTo, refused, TestClient, visibleText, type TestPlatform } from './support.ts';

const form = '/forms/change-of-address';
const me = { fullName: 'Jo Resident', ...dayParts('personDateOfBirth', -12000), relationship: 'self' };

describe('Tell us about a change of address', () => {
  let t: TestPlatform;
  before(async () => {
    t = await formsPlatform();
  });
  after(async () => t.close());

  it('takes an old address typed in, a new one found, and who lives there', async () => {
    const client = new TestClient(t.app);
    await client.get(`${form}/old-address`);
    const manual = await client.post(`${form}/old-address`, { oldAddressStep: 'postcode', oldAddressPostcode: '', oldAddressAction: 'manual' });
    assert.match(manual.body, /for="oldAddress-line-1"/);
    await answer(client, `${form}/old-address`, { oldAddressStep: 'manual', oldAddressLine1: '4 Canal Street', oldAddressLine2: '', oldAddressTown: 'Manchester', oldAddressPostcode: 'm1 3he' }, `${form}/new-address`);
    await chooseAddress(client, `${form}/new-address`, 'newAddress', '100011002', `${form}/date-moved`);
    await answer(client, `${form}/date-moved`, dayParts('dateMoved', -10), `${form}/occupants`);
    await answer(client, `${form}/occupants/1`, me, `${form}/occupants`);
    await answer(client, `${form}/occupants`, { addAnother: 'yes' }, `${form}/occupants/2`);
    await answer(client, `${form}/occupants/2`, { fullName: 'Kit Resident', ...dayParts('personDateOfBirth', -2000), relationship: 'child' }, `${form}/occupants`);
    const list = await client.get(`${form}/occupants`);
    assert.match(list.body, /You have added 2 people/);
    await answer(client, `${form}/occupants`, { addAnother: 'no' }, `${form}/contact`);
    await answer(client, `${form}/contact`, { email: 'jo@example.org', phone: '' }, `${form}/check-answers`);

    const check = visibleText((await client.get(`${form}/check-answers`)).body);
    assert.match(check, /Old address 4 Canal Street Manchester M1 3HE/);
    assert.match(check, /New address 10 Mersey Road Heaton Mersey Stockport SK4 3DA/);
    assert.match(check, /Telephone number Not given/);
    await answer(client, `${form}/check-answers`, { declaration: 'yes' }, `${form}/confirmation`);
    const email = await lastEmailTo(t, 'jo@example.org');
    assert.match(email?.body ?? '', /People living at the new address\nJo Resident, .*, This is me\nKit Resident, .*, Child/);

    const stored = await t.platform.services.db.withTables<import('../../../src/modules/forms/tables.ts').FormsTables>().selectFrom('form_submissions').select(['answers', 'contact']).orderBy('submitted_at', 'desc').executeTakeFirstOrThrow();
    const answers = stored.answers as Record<string, unknown>;
    assert.deepEqual(answers.oldAddress, { lines: ['4 Canal Street'], town: 'Manchester', postcode: 'M1 3HE' });
    assert.deepEqual(answers.newAddress, { uprn: '100011002', lines: ['10 Mersey Road', 'Heaton Mersey'], town: 'Stockport', postcode: 'SK4 3DA' });
    assert.equal(answers.dateMoved, isoDay(-10));
    assert.deepEqual(stored.contact, { email: 'jo@example.org' });
  });

  it('shows each problem in the summary and by its field', async () => {
    const client = new TestClient(t.app);
    await refused(client, `${form}/old-address`, { oldAddressStep: 'manual', oldAddressLine1: '', oldAddressTown: 'Manchester', oldAddressPostcode: 'M1 3HE' }, ['Enter address line 1, typically the building and street']);
    await chooseAddress(client, `${form}/old-address`, 'oldAddress', '100011001', `${form}/new-address`);
    await refused(client, `${form}/new-address`, { newAddressStep: 'postcode', newAddressPostcode: 'SK4 4ZZ', newAddressAction: 'find' }, ['We could not find any addresses for that postcode — enter the address manually']);
    await refused(client, `${form}/new-address`, { newAddressStep: 'choose', newAddressPostcode: 'M1 1AA', newAddressUprn: '200022001' }, ['Enter an address in Stockport']);
    await chooseAddress(client, `${form}/new-address`, 'newAddress', '100011002', `${form}/date-moved`);
    await refused(client, `${form}/date-moved`, {}, ['Enter the date you moved']);
    await refused(client, `${form}/date-moved`, dayParts('dateMoved', 29), ['Date you moved must be no more than 4 weeks from today']);
    await refused(client, `${form}/date-moved`, dayParts('dateMoved', -366), ['Date you moved must be within the last year']);
    await answer(client, `${form}/date-moved`, dayParts('dateMoved', 0), `${form}/occupants`);
    await refused(client, `${form}/occupants/1`, {}, ['Enter their full name', 'Enter their date of birth', 'Select their relationship to you']);
    await refused(client, `${form}/occupants/1`, { ...me, ...dayParts('personDateOfBirth', 3) }, ['Date of birth must be in the past']);
    await answer(client, `${form}/occupants/1`, me, `${form}/occupants`);
    await answer(client, `${form}/occupants`, { addAnother: 'no' }, `${form}/contact`);
    await refused(client, `${form}/contact`, { email: '', phone: '0' }, ['Enter your email address', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']);
  });
});
