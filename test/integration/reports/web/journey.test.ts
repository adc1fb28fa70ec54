import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, errorSummary } from '../../../support/client.ts';
import { reportsDb } from '../../../../src/modules/reports/tables.ts';
import { assetOf, messagesAbout, potholeAt, reportsPlatform, streetOf, type ReportsTest } from '../support.ts';
import { referenceIn } from './support.ts';

describe('Report it, JavaScript off', () => {
  let test: ReportsTest;
  before(async () => {
    test = await reportsPlatform();
  });
  after(async () => test.close());

  const count = async () => Number((await reportsDb(test.t.platform.services.db).selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function start(category: string): Promise<TestClient> {
    const client = new TestClient(test.t.app);
    const page = await client.get('/report');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Street lighting/);
    assert.match(page.body, /Roads and pavements/);
    const chosen = await client.post('/report', { category });
    assert.equal(chosen.headers.location, '/report/where');
    await client.get('/report/where');
    return client;
  }

  async function finish(client: TestClient, answers: Record<string, string>, description = 'It has been like this for a week'): Promise<string> {
    await client.get('/report/details');
    const details = await client.post('/report/details', { ...answers, description });
    assert.equal(details.headers.location, '/report/photos', errorSummary(client.lastHtml).join('; '));
    await client.get('/report/photos');
    await client.follow(await client.post('/report/photos', {}));
    const about = await client.post('/report/about-you', { name: 'Ada Lovelace', email: 'ada@example.com', phone: '' });
    assert.equal(about.headers.location, '/report/check');
    const check = await client.get('/report/check');
    assert.match(check.body, /Check your answers before sending your report/);
    const sent = await client.follow(await client.post('/report/check', {}));
    assert.match(sent.body, /Report sent/);
    return referenceIn(sent.body);
  }

  it('reports a streetlight by the number on the lamp post', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 3);
    const client = await start('streetlight');
    const where = await client.post('/report/where', { assetId: light.id.toLowerCase().replace('-', ' '), locationDescription: '' });
    assert.equal(where.headers.location, '/report/details');
    const reference = await finish(client, { fault: 'light_out' });
    const report = await test.core.records.findByReference(reference);
    assert.equal(report?.assetId, light.id);
    assert.equal(report?.channel, 'web');
    assert.deepEqual(report?.answers, { fault: 'light_out' });
    const messages = await messagesAbout(test, reference);
    assert.equal(messages[0]?.recipient, 'ada@example.com');
  });

  it('shows the emergency number for a damaged streetlight, which the core makes an emergency', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 4);
    const client = await start('streetlight');
    await client.post('/report/where', { assetId: light.id });
    await client.get('/report/details');
    await client.post('/report/details', { fault: 'damaged', description: 'Wires hanging out of the door at the bottom' });
    const photos = await client.get('/report/photos');
    assert.match(photos.body, /If it is an emergency, call 0161 217 6111 now/);
    await client.post('/report/photos', {});
    await client.post('/report/about-you', { name: 'Ada', email: 'ada@example.com' });
    await client.get('/report/check');
    const sent = await client.follow(await client.post('/report/check', {}));
    assert.match(sent.body, /If it is an emergency, call 0161 217 6111 now/);
    const report = await test.core.records.findByReference(referenceIn(sent.body));
    assert.equal(report?.priority, 'emergency');
  });

  it('reports a blocked drain found by searching for its street', async () => {
    const street = await streetOf(test, 'council', 4);
    const client = await start('blocked_drain');
    const search = await client.get(`/report/where?search=${encodeURIComponent(street.name)}`);
    assert.equal(search.statusCode, 200);
    assert.match(search.body, new RegExp(`value="street:${street.usrn}"`));
    const where = await client.post('/report/where', { search: street.name, place: `street:${street.usrn}`, locationDescription: 'By the post box' });
    assert.match(String(where.headers.location), /^\/report\/(details|nearby)$/);
    const reference = await finish(client, { problem: 'blocked', flooding: 'yes' });
    const report = await test.core.records.findByReference(reference);
    assert.equal(report?.priority, 'urgent', 'flooding makes it urgent');
    assert.equal(report?.answers.flooding, true);
    assert.equal(report?.locationDescription, 'By the post box');
  });

  it('reports a pothole, snapped to its street, with where and size from the questions', async () => {
    const street = await streetOf(test, 'council', 5);
    const client = await start('pothole');
    const where = await client.post('/report/where', { lon: String(street.middle[0] + 0.0001), lat: String(street.middle[1]) });
    assert.equal(where.headers.location, '/report/details');
    const reference = await finish(client, { where: 'pavement', size: 'small', depth: 'deep' });
    const report = await test.core.records.findByReference(reference);
    assert.equal(report?.usrn, street.usrn);
    assert.equal(report?.priority, 'urgent');
  });

  it('gives each missing answer its own GOV.UK error, and stores nothing', async () => {
    const before = await count();
    const client = new TestClient(test.t.app);
    await client.get('/report');
    const noCategory = await client.post('/report', {});
    assert.equal(noCategory.statusCode, 400);
    assert.deepEqual(errorSummary(noCategory.body), ['Select what the problem is']);
    const unknown = await client.post('/report', { category: 'fly_tipping' });
    assert.deepEqual(errorSummary(unknown.body), ['Select what the problem is']);

    await client.post('/report', { category: 'streetlight' });
    await client.get('/report/where');
    const nowhere = await client.post('/report/where', {});
    assert.deepEqual(errorSummary(nowhere.body), ['Enter the number on the lamp post, or search for a street or postcode and choose from the results']);
    const badAsset = await client.post('/report/where', { assetId: 'SL-99999' });
    assert.deepEqual(errorSummary(badAsset.body), ['We could not find streetlight SL-99999. Check the number, or choose it on the map']);
    const street = await streetOf(test, 'council', 6);
    const noSpot = await client.post('/report/where', { place: `street:${street.usrn}` });
    assert.deepEqual(errorSummary(noSpot.body), ['Describe where the problem is, like “outside number 12”']);
    const outOfRange = await client.post('/report/where', { lon: '200', lat: '53.4' });
    assert.deepEqual(errorSummary(outOfRange.body), ['The location must have a latitude between -90 and 90 and a longitude between -180 and 180']);
    const notNumbers = await client.post('/report/where', { lon: 'west', lat: 'north' });
    assert.equal(notNumbers.statusCode, 400);

    const light = await assetOf(test, 'streetlights', 'ok', 5);
    await client.post('/report/where', { assetId: light.id });
    await client.get('/report/details');
    const empty = await client.post('/report/details', {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), ['Select what is wrong with the light', 'Describe the problem']);
    assert.match(empty.body, /govuk-error-message[\s\S]*Select what is wrong with the light/);
    const long = await client.post('/report/details', { fault: 'light_out', description: 'x'.repeat(4001) });
    assert.deepEqual(errorSummary(long.body), ['The description must be 4,000 characters or less']);

    await client.post('/report/details', { fault: 'light_out', description: 'Out' });
    await client.get('/report/photos');
    await client.post('/report/photos', {});
    await client.get('/report/about-you');
    const noContact = await client.post('/report/about-you', {});
    assert.deepEqual(errorSummary(noContact.body), ['Enter your name', 'Enter your email address']);
    const badContact = await client.post('/report/about-you', { name: 'Ada', email: 'ada.example.com', phone: 'call me' });
    assert.deepEqual(errorSummary(badContact.body), ['Enter an email address in the correct format, like name@example.com', 'Enter a telephone number, like 01632 960 001 or 07700 900 982']);
    assert.equal(await count(), before, 'nothing was stored');
  });

  it('says who to contact for a place outside the borough', async () => {
    const client = await start('pothole');
    const res = await client.post('/report/where', { lon: '-2.5', lat: '53.8' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /This place is outside/);
    assert.match(res.body, /Contact the council for the area it is in/);
    assert.equal((await client.get('/report/details')).headers.location, '/report', 'no place was kept');
  });

  it('sends a National Highways road to National Highways', async () => {
    const road = await streetOf(test, 'national_highways');
    const client = await start('pothole');
    const res = await client.post('/report/where', { lon: String(road.middle[0]), lat: String(road.middle[1]) });
    assert.match(res.body, /The council cannot fix this problem/);
    assert.match(res.body, /National Highways looks after motorways and major A roads/);
  });

  it('offers to follow an open report nearby instead of making a duplicate', async () => {
    const street = await streetOf(test, 'council', 7);
    const first = await test.core.pipeline.submit(potholeAt(street.middle));
    const before = await count();
    const client = await start('pothole');
    const where = await client.post('/report/where', { lon: String(street.middle[0]), lat: String(street.middle[1]) });
    assert.equal(where.headers.location, '/report/nearby');
    const nearby = await client.get('/report/nearby');
    assert.match(nearby.body, new RegExp(`${first.reference}`));
    assert.match(nearby.body, /This is my problem too/);
    await client.get(`/reports/${first.reference}/follow`);
    const noEmail = await client.post(`/reports/${first.reference}/follow`, {});
    assert.deepEqual(errorSummary(noEmail.body), ['Enter your email address']);
    const followed = await client.follow(await client.post(`/reports/${first.reference}/follow`, { email: 'neighbour@example.com' }));
    assert.match(followed.body, /You are following this report/);
    const subscriptions = await reportsDb(test.t.platform.services.db).selectFrom('report_subscriptions').select('email').where('report_id', '=', first.id).execute();
    assert.ok(subscriptions.some((s) => s.email === 'neighbour@example.com'));
    assert.equal(await count(), before, 'no duplicate report');
  });
});
