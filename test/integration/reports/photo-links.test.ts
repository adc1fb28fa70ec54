import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { integrationsService } from '../../../src/modules/integrations/index.ts';
import { Moderation } from '../../../src/modules/reports/backoffice/moderation.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { FAST, setRoute, settled } from '../integrations/support.ts';
import { potholeAt, reportsPlatform, streetOf, type ReportsTest } from './support.ts';

/** A contractor's system fetching a report's photo from the address we sent it, without signing in. */
describe('photo links for contractors and Open311 clients', () => {
  let test: ReportsTest;
  let contractor: ContractorOpen311;
  let photo: Buffer;

  before(async () => {
    contractor = await ContractorOpen311.start({ apiKey: 'photo-key' });
    Object.assign(process.env, { PHOTO_TEST_URL: contractor.endpoint, PHOTO_TEST_KEY: 'photo-key' });
    test = await reportsPlatform({ STAFF_2FA: 'optional', ...FAST });
    const { services } = test.t.platform;
    await setRoute(test.t, 'pothole', { type: 'open311', endpoint: '$PHOTO_TEST_URL', apiKeyEnv: 'PHOTO_TEST_KEY', serviceCode: 'POT' });
    await services.jobs.work(0.5);
    photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 20 } } }).jpeg().toBuffer();
  });
  after(async () => {
    await test.close();
    await contractor.close();
  });

  /** A pothole report with one photo, sent to the contractor; returns the media_url it was sent with. */
  async function reportWithPhoto(nth: number): Promise<{ id: string; reference: string; mediaUrl: string; fileId: string }> {
    const { services } = test.t.platform;
    const file = await services.files.save(services.db, { name: 'pothole.jpg', bytes: photo, truncated: false }, 'jpg', 'reports');
    const street = await streetOf(test, 'council', nth);
    const report = await test.core.pipeline.submit(potholeAt(street.middle, { photoFileIds: [file.id] }));
    const integrations = integrationsService(services);
    const [delivery] = await integrations.dispatch.deliveriesFor(report.id);
    assert.ok(delivery);
    await settled(integrations, delivery.id, 'sent');
    const posted = contractor.requests.find((r) => r.form.get('attribute[council_reference]') === report.reference);
    const mediaUrl = posted?.form.get('media_url');
    assert.ok(mediaUrl, 'the contractor was sent a media_url');
    return { ...report, mediaUrl, fileId: file.id };
  }

  const fetchPath = (url: string) => test.t.app.inject({ method: 'GET', url: new URL(url).pathname });

  it('sends the contractor a media_url that serves the photo to anyone holding it', async () => {
    const { mediaUrl, id, fileId } = await reportWithPhoto(1);
    assert.ok(mediaUrl.startsWith(`${test.t.config.baseUrl}/reports/photo-links/${id}/${fileId}/`));
    const res = await fetchPath(mediaUrl);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.deepEqual(res.rawPayload, photo);
  });

  it('answers 404 for a tampered link, or one moved to another report’s photo', async () => {
    const first = await reportWithPhoto(2);
    const second = await reportWithPhoto(3);
    const signature = first.mediaUrl.split('/').at(-1) ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    assert.equal((await fetchPath(first.mediaUrl.replace(signature, flipped))).statusCode, 404);
    assert.equal((await fetchPath(first.mediaUrl.replace(first.fileId, second.fileId))).statusCode, 404, 'a signature is for one report and one file');
    assert.equal((await fetchPath(`${first.mediaUrl.slice(0, -signature.length)}short`)).statusCode, 404);
  });

  it('stops serving the photo once moderators hide the report or take the photo off it', async () => {
    const { services } = test.t.platform;
    const moderation = new Moderation(services.db, services.audit);
    const moderator = await services.accounts.createVerifiedUser({ email: 'moderator@example.com', password: 'a long enough password 1', roles: ['highways_officer'] }, { userId: null });
    const hidden = await reportWithPhoto(4);
    await moderation.moderate(hidden.id, { action: 'hidden', reason: 'Abusive' }, moderator);
    assert.equal((await fetchPath(hidden.mediaUrl)).statusCode, 404);
    await moderation.moderate(hidden.id, { action: 'shown', reason: 'Reviewed' }, moderator);
    assert.equal((await fetchPath(hidden.mediaUrl)).statusCode, 200, 'shown again, the same link works again');

    const redacted = await reportWithPhoto(5);
    await moderation.moderate(redacted.id, { action: 'redacted', publicDescription: 'A deep pothole', keepPhotoFileIds: [], reason: 'A face in the photo' }, moderator);
    assert.equal((await fetchPath(redacted.mediaUrl)).statusCode, 404);
  });

  it('gives the photo as media_url in our own Open311 GET requests, while the photo is public', async () => {
    const { reference, mediaUrl, id } = await reportWithPhoto(6);
    const read = async () => {
      const res = await test.t.app.inject({ method: 'GET', url: `/open311/v2/requests/${reference}.json` });
      assert.equal(res.statusCode, 200);
      const [request] = res.json<{ media_url: string | null }[]>();
      return request?.media_url;
    };
    assert.equal(await read(), mediaUrl);
    assert.equal((await fetchPath(mediaUrl)).statusCode, 200);
    await reportsDb(test.t.platform.services.db).updateTable('reports').set({ photo_file_ids: [] }).where('id', '=', id).execute();
    assert.equal(await read(), null, 'no photo address once the photo is taken off');
  });
});
