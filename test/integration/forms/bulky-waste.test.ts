import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answer, chooseAddress, dayParts, formsPlatform, lastEmailTo, refused, TestClient, visibleText, type TestPlatform } from './support.ts';

const form = '/forms/bulky-waste';
const sofa = { itemType: 'furniture', description: 'Three-seater sofa', quantity: '1' };

describe('Request a bulky waste collection', () => {
  let t: TestPlatform;
  before(async () => {
    t = await formsPlatform();
  });
  after(async () => t.close());

  it('adds, changes and removes items, then sends the request', async () => {
    const client = new TestClient(t.app);
    let res = await client.get(`${form}/items`);
    assert.equal(res.headers.location, `${form}/items/1`, 'with no items yet, straight to the first');
    res = await client.get(`${form}/items/1`);
    assert.match(res.body, /<h1 class="govuk-heading-l">Add an item<\/h1>/);
    await answer(client, `${form}/items/1`, sofa, `${form}/items`);

    res = await client.get(`${form}/items`);
    assert.match(res.body, /<h1 class="govuk-heading-l">You have added 1 item<\/h1>/);
    assert.match(visibleText(res.body), /Item 1 Furniture, Three-seater sofa, 1 Change item 1 Remove item 1/);
    await answer(client, `${form}/items`, { addAnother: 'yes' }, `${form}/items/2`);
    await answer(client, `${form}/items/2`, { itemType: 'appliance', description: 'Fridge freezer', quantity: '2' }, `${form}/items`);
    await answer(client, `${form}/items/1`, { ...sofa, quantity: '2' }, `${form}/items`);
    await answer(client, `${form}/items`, { addAnother: 'yes' }, `${form}/items/3`);
    await answer(client, `${form}/items/3`, { itemType: 'mattress', description: 'Double mattress', quantity: '1' }, `${form}/items`);

    res = await client.get(`${form}/items/2/remove`);
    assert.match(res.body, /Are you sure you want to remove item 2\?/);
    await answer(client, `${form}/items/2/remove`, { removeItem: 'yes' }, `${form}/items`);
    res = await client.get(`${form}/items`);
    assert.match(res.body, /You have added 2 items/);
    assert.doesNotMatch(res.body, /Fridge freezer/);

    await answer(client, `${form}/items`, { addAnother: 'no' }, `${form}/collection-date`);
    await answer(client, `${form}/collection-date`, dayParts('collectionDate', 5), `${form}/address`);
    await chooseAddress(client, `${form}/address`, 'address', '100011001', `${form}/where-left`);
    await answer(client, `${form}/where-left`, { whereLeft: 'driveway' }, `${form}/contact`);
    await answer(client, `${form}/contact`, { name: 'Alex Resident', email: 'alex@example.org', phone: '0161 496 0000' }, `${form}/check-answers`);

    res = await client.get(`${form}/check-answers`);
    assert.match(visibleText(res.body), /Items to collect Furniture, Three-seater sofa, 2 Mattress or bed, Double mattress, 1/);
    await refused(client, `${form}/check-answers`, {}, ['Confirm the items will be ready and are not trade waste']);
    res = await client.post(`${form}/check-answers`, { declaration: 'yes' });
    assert.equal(res.headers.location, `${form}/confirmation`);
    const confirmation = await client.get(`${form}/confirmation`);
    assert.match(visibleText(confirmation.body), /Collection requested Your reference number [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]/);

    const email = await lastEmailTo(t, 'alex@example.org');
    assert.ok(email);
    assert.match(email.body, /Items to collect\nFurniture, Three-seater sofa, 2\nMattress or bed, Double mattress, 1/);
    const sent = await t.platform.services.db.withTables<import('../../../src/modules/forms/tables.ts').FormsTables>().selectFrom('form_submissions').select('answers').orderBy('submitted_at', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((sent.answers as Record<string, unknown>).items, [
      { itemType: 'furniture', description: 'Three-seater sofa', quantity: 2 },
      { itemType: 'mattress', description: 'Double mattress', quantity: 1 },
    ]);
  });

  it('shows each problem in the summary and by its field', async () => {
    const client = new TestClient(t.app);
    await client.get(form);
    await refused(client, `${form}/items/1`, {}, ['Select the type of item', 'Enter a description of the item', 'Enter how many of this item there are']);
    await refused(client, `${form}/items/1`, { ...sofa, description: 'x'.repeat(101), quantity: '11' }, ['A description of the item must be 100 characters or less', 'Quantity must be between 1 and 10']);
    await refused(client, `${form}/items/1`, { ...sofa, quantity: '1.5' }, ['Quantity must be a whole number']);
    await refused(client, `${form}/items/1`, { ...sofa, quantity: 'two' }, ['Quantity must be a number']);
    await answer(client, `${form}/items/1`, sofa, `${form}/items`);
    await refused(client, `${form}/items`, {}, ['Select yes if you need to add another item']);
    await refused(client, `${form}/items/1/remove`, {}, ['Select yes if you want to remove this item']);
    await answer(client, `${form}/items`, { addAnother: 'no' }, `${form}/collection-date`);
    await refused(client, `${form}/collection-date`, {}, ['Enter the date you would like us to collect the items']);
    await refused(client, `${form}/collection-date`, dayParts('collectionDate', 2), ['Collection date must be at least 3 days from today']);
    await refused(client, `${form}/collection-date`, dayParts('collectionDate', 57), ['Collection date must be within the next 8 weeks']);
    await answer(client, `${form}/collection-date`, dayParts('collectionDate', 3), `${form}/address`);
    await refused(client, `${form}/address`, { addressStep: 'choose', addressPostcode: 'SK4 3DA', addressUprn: '' }, ['Select an address']);
    await refused(client, `${form}/address`, { addressStep: 'manual', addressLine1: '1 Piccadilly', addressTown: 'Manchester', addressPostcode: 'M1 1AA' }, ['Enter an address in Stockport']);
    await chooseAddress(client, `${form}/address`, 'address', '100011002', `${form}/where-left`);
    await refused(client, `${form}/where-left`, {}, ['Select where the items will be']);
    await answer(client, `${form}/where-left`, { whereLeft: 'kerbside' }, `${form}/contact`);
    await refused(client, `${form}/contact`, {}, ['Enter your full name', 'Enter your email address', 'Enter your telephone number']);
  });

  it('ignores a removed item’s number and items past the end', async () => {
    const client = new TestClient(t.app);
    await answer(client, `${form}/items/1`, sofa, `${form}/items`);
    let res = await client.get(`${form}/items/5`);
    assert.equal(res.headers.location, `${form}/items`);
    res = await client.get(`${form}/items/2/remove`);
    assert.equal(res.headers.location, `${form}/items`);
  });
});
