import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary } from '../../support/client.ts';
import { fieldError, signedInResident, visibleText } from './support.ts';

describe('your address, from the gazetteer', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
    const place = { usrn: null, line3: null, town: 'Stockport', postcode: 'SK4 3DA', lon: -2.2, lat: 53.4, ward_code: null, lsoa_code: null };
    await t.platform.services.db
      .insertInto('gazetteer_addresses')
      .values([
        { ...place, uprn: 100011001, line1: '2 Mersey Road', line2: 'Heaton Mersey' },
        { ...place, uprn: 100011002, line1: '10 Mersey Road', line2: 'Heaton Mersey' },
      ])
      .execute();
  });
  after(async () => t.close());

  const address = async (id: string) => (await t.platform.services.db.selectFrom('users').select('address').where('id', '=', id).executeTakeFirstOrThrow()).address;

  it('finds addresses by postcode and saves the one chosen, with its UPRN', async () => {
    const { client, userId } = await signedInResident(t);
    let res = await client.get('/account/profile/address');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-l">Your address<\/h1>/);
    assert.match(res.body, /<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">\s*Address/);
    assert.match(res.body, /for="address-postcode">\s*Postcode/);

    res = await client.post('/account/profile/address', { addressStep: 'postcode', addressPostcode: 'sk43da', addressAction: 'find' });
    assert.equal(res.statusCode, 200);
    assert.match(visibleText(res.body), /2 addresses found for SK4 3DA/);
    assert.match(res.body, /<option value="100011001">2 Mersey Road, Heaton Mersey, Stockport, SK4 3DA<\/option>/);
    assert.match(res.body, /Save address/);

    res = await client.post('/account/profile/address', { addressStep: 'choose', addressPostcode: 'SK4 3DA', addressUprn: '' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Select an address']);
    assert.equal(fieldError(res.body, 'address-uprn'), 'Select an address');

    res = await client.post('/account/profile/address', { addressStep: 'choose', addressPostcode: 'SK4 3DA', addressUprn: '100011002' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    assert.deepEqual(await address(userId), { uprn: '100011002', lines: ['10 Mersey Road', 'Heaton Mersey'], town: 'Stockport', postcode: 'SK4 3DA' });
    const dashboard = visibleText((await client.get('/account')).body);
    assert.match(dashboard, /Your address has been saved/);
    assert.match(dashboard, /10 Mersey Road, Heaton Mersey, Stockport, SK4 3DA/);

    const audit = await t.platform.services.audit.forSubject('user', userId);
    assert.ok(audit.some((r) => r.action === 'account.profile_changed' && JSON.stringify(r.details) === JSON.stringify({ changed: ['address'], fromGazetteer: true })));
  });

  it('shows the postcode errors in the summary and beside the field', async () => {
    const { client } = await signedInResident(t);
    await client.get('/account/profile/address');
    let res = await client.post('/account/profile/address', { addressStep: 'postcode', addressPostcode: '', addressAction: 'find' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Enter a postcode']);
    assert.match(res.body, /<a href="#address-postcode">Enter a postcode<\/a>/);
    assert.equal(fieldError(res.body, 'address-postcode'), 'Enter a postcode');
    res = await client.post('/account/profile/address', { addressStep: 'postcode', addressPostcode: 'not a postcode', addressAction: 'find' });
    assert.deepEqual(errorSummary(res.body), ['Enter a real postcode']);
  });

  it('lets the person type an address the gazetteer does not have', async () => {
    const { client, userId } = await signedInResident(t);
    await client.get('/account/profile/address');
    let res = await client.post('/account/profile/address', { addressStep: 'postcode', addressPostcode: '', addressAction: 'manual' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /for="address-line-1">\s*Address line 1/);

    res = await client.post('/account/profile/address', { addressStep: 'manual', addressLine1: '', addressLine2: '', addressTown: '', addressPostcode: '' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Enter a postcode', 'Enter address line 1, typically the building and street', 'Enter town or city']);

    res = await client.post('/account/profile/address', { addressStep: 'manual', addressLine1: 'Flat 3, 7 New Street', addressLine2: '', addressTown: 'Stockport', addressPostcode: 'sk1 1aa' });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await address(userId), { lines: ['Flat 3, 7 New Street'], town: 'Stockport', postcode: 'SK1 1AA' });

    res = await client.get('/account/profile/address');
    assert.match(res.body, /id="address-line-1" name="addressLine1" type="text" value="Flat 3, 7 New Street"/, 'the saved address is ready to change');
  });
});
