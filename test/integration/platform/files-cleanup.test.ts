import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { FILE_CLEANUP_JOB, type StoredFile } from '../../../src/platform/files/index.ts';
import { sampleFiles } from '../../../src/platform/files/samples.ts';
import { Files } from '../../../src/platform/files/index.ts';
import { cleanUpFiles, type FileKeeper } from '../../../src/platform/files/cleanup.ts';

/** Uploads nobody sent are deleted after a day; everything a form, draft, report or journey holds stays. */
describe('the nightly clean-up of abandoned uploads', () => {
  let t: TestPlatform;

  before(async () => {
    t = await createTestPlatform();
    await t.platform.services.jobs.work(0.5);
  });
  after(async () => t.close());

  const services = () => t.platform.services;
  const cleanUp = () => services().files.cleanUp({ audit: services().audit, log: services().log });

  async function upload(name: string): Promise<StoredFile> {
    const { files, db } = services();
    return files.save(db, { name, bytes: sampleFiles.pdf(), truncated: false }, 'pdf', 'forms');
  }

  async function age(files: StoredFile[], hours: number): Promise<void> {
    const ids = files.map((f) => f.id);
    await sql`update files set created_at = now() - make_interval(hours => ${hours}) where id = any(${ids}::uuid[])`.execute(services().db);
  }

  /** Whether the file is still listed and its bytes still stored. */
  async function exists(file: StoredFile): Promise<{ row: boolean; bytes: boolean }> {
    const { files } = services();
    return { row: (await files.find(file.id)) !== null, bytes: (await files.storage.get(file.id)) !== null };
  }

  const answer = (file: StoredFile) => ({ fileId: file.id, name: file.name, type: file.type, size: file.size });

  async function anyFormVersion(): Promise<{ formId: string; version: number }> {
    const row = await sql<{ formId: string; version: number }>`select form_id as "formId", version from form_versions order by form_id limit 1`.execute(services().db);
    const first = row.rows[0];
    assert.ok(first, 'a form is loaded');
    return first;
  }

  async function draftHolding(file: StoredFile, expiresInHours: number): Promise<void> {
    const { formId, version } = await anyFormVersion();
    const answers = JSON.stringify({ evidence: [answer(file)] });
    await sql`insert into form_drafts (form_id, form_version, token_hash, answers, expires_at)
      values (${formId}, ${version}, ${randomUUID()}, ${answers}::jsonb, now() + make_interval(hours => ${expiresInHours}))`.execute(services().db);
  }

  async function submissionHolding(file: StoredFile): Promise<void> {
    const { formId, version } = await anyFormVersion();
    // Nested as add-another answers are: the keeper finds a file at any depth.
    const answers = JSON.stringify({ items: [{ description: 'Sofa', photo: answer(file) }] });
    await sql`insert into form_submissions (reference, form_id, form_version, form_title, answers, channel)
      values (${randomUUID().slice(0, 11)}, ${formId}, ${version}, 'A form', ${answers}::jsonb, 'online')`.execute(services().db);
  }

  async function hiddenReportWithPhoto(photo: StoredFile, redactedPhoto: StoredFile): Promise<void> {
    const report = await sql<{ id: string }>`insert into reports (reference, category_code, priority, lon, lat, description, channel, photo_file_ids, hidden)
      values (${randomUUID().slice(0, 11)}, 'pothole', 'standard', -2.15, 53.41, 'A pothole', 'web', ${[photo.id]}::uuid[], true) returning id`.execute(services().db);
    const reportId = report.rows[0]?.id;
    assert.ok(reportId);
    // Moderation took one photo off the public report; the original is kept for staff.
    await sql`insert into report_moderations (report_id, action, reason, original_description, original_photo_file_ids, public_description)
      values (${reportId}, 'redacted', 'A face in the photo', 'A pothole', ${[redactedPhoto.id]}::uuid[], 'A pothole')`.execute(services().db);
  }

  async function liveSessionHolding(file: StoredFile): Promise<void> {
    const data = JSON.stringify({ reportIt: { categoryCode: 'pothole', photos: [{ fileId: file.id, name: file.name, size: file.size }] } });
    await sql`insert into sessions (id, data, expires_at) values (${randomUUID()}, ${data}::jsonb, now() + interval '20 minutes')`.execute(services().db);
  }

  it('deletes only the old upload nobody holds, row and bytes, and audits the count', async () => {
    const inDraft = await upload('in-draft.pdf');
    const inExpiredDraft = await upload('in-expired-draft.pdf');
    const submitted = await upload('submitted.pdf');
    const photo = await upload('photo.pdf');
    const redacted = await upload('redacted.pdf');
    const inJourney = await upload('in-journey.pdf');
    const abandoned = await upload('abandoned.pdf');
    const young = await upload('young.pdf');
    await draftHolding(inDraft, 48);
    await draftHolding(inExpiredDraft, -1);
    await submissionHolding(submitted);
    await hiddenReportWithPhoto(photo, redacted);
    await liveSessionHolding(inJourney);
    await age([inDraft, inExpiredDraft, submitted, photo, redacted, inJourney, abandoned], 25);
    await age([young], 23);

    const summary = await cleanUp();

    assert.deepEqual(summary, { checked: 7, deleted: 2 });
    for (const gone of [abandoned, inExpiredDraft]) assert.deepEqual(await exists(gone), { row: false, bytes: false }, gone.name);
    for (const kept of [inDraft, submitted, photo, redacted, inJourney, young]) assert.deepEqual(await exists(kept), { row: true, bytes: true }, kept.name);
    const audited = await sql<{ details: Record<string, unknown> }>`select details from audit_log where action = 'files.cleaned_up' order by id desc limit 1`.execute(services().db);
    assert.equal(audited.rows[0]?.details.deleted, 2);
    assert.ok(!JSON.stringify(audited.rows[0]?.details).includes('abandoned.pdf'), 'no file names in the audit log');
  });

  it('deletes a listed file whose bytes are already gone', async () => {
    const file = await upload('bytes-lost.pdf');
    await services().files.storage.remove(file.id);
    await age([file], 30);
    await cleanUp();
    assert.equal((await exists(file)).row, false);
  });

  it('deletes nothing when a keeper fails, and fails the run', async () => {
    const abandoned = await upload('abandoned-again.pdf');
    await age([abandoned], 30);
    let failing = true;
    services().files.addKeeper('flaky', async () => {
      if (failing) throw new Error('database unavailable');
      return new Set();
    });
    await assert.rejects(cleanUp(), /database unavailable/);
    assert.deepEqual(await exists(abandoned), { row: true, bytes: true });
    failing = false;
    await cleanUp();
    assert.deepEqual(await exists(abandoned), { row: false, bytes: false });
  });

  it('deletes nothing on a platform where no module keeps files', async () => {
    const { db, files, audit, log } = services();
    const bare = new Files(db, files.storage);
    const file = await upload('no-keepers.pdf');
    await age([file], 48);
    assert.deepEqual(await bare.cleanUp({ audit, log }), { checked: 0, deleted: 0 });
    assert.deepEqual(await exists(file), { row: true, bytes: true });
  });

  it('works through many files in batches, asking about each once', async () => {
    const { db, files, audit, log } = services();
    const uploads: StoredFile[] = [];
    for (let n = 0; n < 7; n += 1) uploads.push(await upload(`batch-${n}.pdf`));
    await age(uploads, 30);
    const held = new Set(uploads.filter((_, n) => n % 2 === 0).map((f) => f.id));
    const asked: string[] = [];
    // Every other upload held; with a batch of 2 the run crosses several batches.
    const keeper: FileKeeper = async (ids) => {
      asked.push(...ids);
      return new Set(ids.filter((id) => held.has(id)));
    };
    await cleanUpFiles({ db, storage: files.storage, keepers: new Map([['test', keeper]]), audit, log }, new Date(), 2);
    for (const file of uploads) assert.equal((await exists(file)).row, held.has(file.id), file.name);
    assert.equal(new Set(asked).size, asked.length, 'no file asked about twice');
    for (const file of uploads) assert.ok(asked.includes(file.id), `${file.name} was asked about`);
  });

  it('runs as the files.cleanup job on the queue', async () => {
    const { db, jobs } = services();
    const abandoned = await upload('queued.pdf');
    await age([abandoned], 30);
    await db.transaction().execute((trx) => jobs.send(trx, FILE_CLEANUP_JOB, {}));
    const until = Date.now() + 20_000;
    while ((await exists(abandoned)).row && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(await exists(abandoned), { row: false, bytes: false });
  });
});
