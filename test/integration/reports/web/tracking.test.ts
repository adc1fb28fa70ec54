import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { TestClient, errorSummary } from '../../../support/client.ts';
import { reportsDb } from '../../../../src/modules/reports/tables.ts';
import { assetOf, potholeAt, reportsPlatform, streetOf, type ReportsTest } from '../support.ts';
import { postPhoto, referenceIn } from './support.ts';

const DAY = 24 * 3600 * 1000;

/** A JPEG with the camera's GPS position in its EXIF, as phones write them. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 120, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 24/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '2/1 9/1 0/1' } })
    .toBuffer();
}

describe('photos, the public report page and what residents do on it', () => {
  let test: ReportsTest;
  before(async () => {
    test = await reportsPlatform();
  });
  after(async () => test.close());
  const db = () => reportsDb(test.t.platform.services.db);

  async function toPhotos(client: TestClient): Promise<void> {
    const light = await assetOf(test, 'streetlights', 'ok', 8);
    await client.get('/report');
    await client.post('/report', { category: 'streetlight' });
    await client.post('/report/where', { assetId: light.id });
    await client.post('/report/details', { fault: 'flickering', description: 'Goes on and off all night' });
    await client.get('/report/photos');
  }

  it('strips the GPS position and camera details from a photo and makes it smaller, and refuses files that are not photos', async () => {
    const client = new TestClient(test.t.app);
    await toPhotos(client);
    const original = await photoWithGps();
    assert.ok((await sharp(original).metadata()).exif, 'the test photo has EXIF');

    const notPhoto = await postPhoto(test, client, { action: 'upload' }, { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('%PDF-1.4 not a photo at all') });
    assert.equal(notPhoto.statusCode, 400);
    assert.deepEqual(errorSummary(notPhoto.body), ['The selected file must be a JPG, PNG or WEBP']);

    const uploaded = await postPhoto(test, client, { action: 'upload' }, { name: 'light.jpg', type: 'image/jpeg', bytes: original });
    assert.equal(uploaded.headers.location, '/report/photos');
    await client.get('/report/photos');
    const cont = await postPhoto(test, client, {});
    assert.equal(cont.headers.location, '/report/about-you');
    await client.get('/report/about-you');
    await client.post('/report/about-you', { name: 'Ada Lovelace', email: 'ada@example.com', phone: '07700 900982' });
    await client.get('/report/check');
    const sent = await client.follow(await client.post('/report/check', {}));
    const report = await test.core.records.findByReference(referenceIn(sent.body));
    const fileId = report?.photoFileIds[0];
    assert.ok(fileId);
    const stored = await test.t.platform.services.files.read(fileId);
    assert.ok(stored);
    const meta = await sharp(stored.bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined, 'no EXIF, so no GPS position');
    assert.ok((meta.width ?? 0) <= 1600, 'made smaller');
    assert.equal(stored.bytes.includes(Buffer.from('TestPhone')), false);

    const page = await client.get(`/reports/${report?.reference}`);
    assert.match(page.body, new RegExp(`/reports/${report?.reference}/photos/${fileId}`));
    const photo = await client.get(`/reports/${report?.reference}/photos/${fileId}`);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
  });

  it('shows a report without the reporter’s email, phone or name, unless they chose to show their name', async () => {
    const street = await streetOf(test, 'council', 2);
    const hidden = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { name: 'Private Person', email: 'private@example.com', phone: '07700 900123', showName: false } }));
    const anyone = new TestClient(test.t.app);
    const page = await anyone.get(`/reports/${hidden.reference}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Pothole/);
    assert.match(page.body, new RegExp(street.name));
    assert.match(page.body, /Reported<\/strong>|govuk-tag/);
    for (const secret of ['Private Person', 'private@example.com', '07700 900123']) assert.equal(page.body.includes(secret), false, `${secret} is not shown`);
    assert.doesNotMatch(page.body, /Add information to your report/);

    const shown = await test.core.pipeline.submit(potholeAt(street.line[0] ?? street.middle, { reporter: { name: 'Open Person', email: 'open@example.com', showName: true } }));
    const named = await anyone.get(`/reports/${shown.reference}`);
    assert.match(named.body, /by Open Person/);
    assert.equal(named.body.includes('open@example.com'), false);
    assert.equal((await anyone.get('/reports/ZZZZ-ZZZZ')).statusCode, 404);
  });

  it('lets the reporter add information and reopen a fixed report within 28 days, and not after', async () => {
    const street = await streetOf(test, 'council', 3);
    const made = await test.core.pipeline.submit(potholeAt(street.middle));
    const stranger = new TestClient(test.t.app);
    await stranger.get(`/reports/${made.reference}`);
    const refused = await stranger.post(`/reports/${made.reference}/add-information`, { information: 'Spam' });
    assert.equal(refused.statusCode, 403);

    const { ReporterTokens } = await import('../../../../src/modules/reports/web/reporter-token.ts');
    const token = new ReporterTokens(test.t.config.sessionSecret).tokenFor(made.reference);
    const reporter = new TestClient(test.t.app);
    const landed = await reporter.follow(await reporter.get(`/reports/${made.reference}?token=${token}`));
    assert.match(landed.body, /Add information to your report/);
    const empty = await reporter.post(`/reports/${made.reference}/add-information`, { information: '' });
    assert.deepEqual(errorSummary(empty.body), ['Enter the information you want to add']);
    const added = await reporter.follow(await reporter.post(`/reports/${made.reference}/add-information`, { information: 'It is getting deeper' }));
    assert.match(added.body, /It is getting deeper/);

    const fixed = await test.core.updates.apply({ reportId: made.id, from: 'open', to: 'fixed', actor: { kind: 'system', id: null }, publicText: 'Filled in' });
    assert.equal(fixed.outcome, 'applied');
    await reporter.get(`/reports/${made.reference}/reopen`);
    const noReason = await reporter.post(`/reports/${made.reference}/reopen`, { reason: '' });
    assert.deepEqual(errorSummary(noReason.body), ['Enter why the problem has not been fixed']);
    const reopened = await reporter.follow(await reporter.post(`/reports/${made.reference}/reopen`, { reason: 'The hole is back after the rain' }));
    assert.match(reopened.body, /The report has been reopened/);
    assert.equal((await test.core.records.find(made.id))?.state, 'open');

    await test.core.updates.apply({ reportId: made.id, from: 'open', to: 'fixed', actor: { kind: 'system', id: null } });
    await db().updateTable('reports').set({ fixed_at: new Date(Date.now() - 30 * DAY) }).where('id', '=', made.id).execute();
    await reporter.get(`/reports/${made.reference}/reopen`);
    const late = await reporter.post(`/reports/${made.reference}/reopen`, { reason: 'Still broken' });
    assert.equal(late.statusCode, 400);
    assert.deepEqual(errorSummary(late.body), ['This report was fixed more than 28 days ago. If there is still a problem, make a new report']);
  });

  it('records the answer to "has it been fixed?" from the email’s link', async () => {
    const street = await streetOf(test, 'council', 4);
    const made = await test.core.pipeline.submit(potholeAt(street.middle));
    assert.equal(await test.core.questionnaire.ask(made.id), true);
    const email = await test.t.platform.services.db.selectFrom('notify_messages').select('body').where('subject', 'like', 'Has it been fixed?%').where('reference', '=', made.reference).executeTakeFirstOrThrow();
    const link = /https?:\/\/[^\s]+\/reports\/questionnaire\/[^\s?]+\?fixed=yes/.exec(email.body)?.[0];
    assert.ok(link);
    const client = new TestClient(test.t.app);
    const page = await client.get(new URL(link).pathname + new URL(link).search);
    assert.match(page.body, /Has the problem been fixed\?/);
    assert.match(page.body, /value="yes" checked/);
    const done = await client.post(new URL(link).pathname, { fixed: 'yes' });
    assert.match(done.body, /Thank you for your answer/);
    assert.equal((await test.core.records.find(made.id))?.state, 'fixed');
    await client.get('/reports/questionnaire/not-a-real-token-at-all-xxxxxxxxxxxxxx?fixed=no');
    const bad = await client.post('/reports/questionnaire/not-a-real-token-at-all-xxxxxxxxxxxxxx', { fixed: 'no' });
    assert.match(bad.body, /This link does not work/);
    assert.equal(bad.statusCode, 404);
  });

  it('lists reports by ward and publishes each ward’s reports as an Atom feed', async () => {
    const street = await streetOf(test, 'council', 5);
    const made = await test.core.pipeline.submit(potholeAt(street.middle));
    const report = await test.core.records.find(made.id);
    const ward = report?.wardCode;
    assert.ok(ward);
    const client = new TestClient(test.t.app);
    const list = await client.get(`/reports?ward=${ward}&category=pothole&status=open`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(made.reference));

    const feed = await client.get(`/reports/wards/${ward}/feed.atom`);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /application\/atom\+xml/);
    const parsed: unknown = new XMLParser({ ignoreAttributes: false }).parse(feed.body);
    const root = typeof parsed === 'object' && parsed !== null && 'feed' in parsed ? parsed.feed : undefined;
    assert.ok(root && typeof root === 'object');
    for (const key of ['id', 'title', 'updated', 'entry']) assert.ok(key in root, `feed has ${key}`);
    const entries = 'entry' in root ? [root.entry].flat() : [];
    const mine = entries.find((e: unknown) => typeof e === 'object' && e !== null && 'id' in e && String(e.id).endsWith(`/reports/${made.reference}`));
    assert.ok(mine && typeof mine === 'object');
    for (const key of ['title', 'summary', 'updated', 'link']) assert.ok(key in mine, `entry has ${key}`);
    assert.equal((await client.get('/reports/wards/E05999999/feed.atom')).statusCode, 404);
  });
});
