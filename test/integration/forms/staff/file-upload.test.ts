import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestPlatform } from '../../../support/platform.ts';
import { errorSummary, TestClient } from '../../../support/client.ts';
import { signedInResident, visibleText } from '../../account/support.ts';
import { sampleFiles } from '../../../../src/platform/files/samples.ts';
import { formsEngine } from '../../../../src/modules/forms/index.ts';
import { formsPlatform, postMultipart } from '../delivery/support.ts';

const FORM = {
  id: 'fly-tipping',
  title: 'Report fly-tipping',
  version: 1,
  start: { paragraphs: ['Tell us about rubbish dumped in the street.'] },
  pages: [
    { id: 'where', fields: [{ type: 'text', name: 'where', label: 'Where is it?' }] },
    { id: 'photos', fields: [{ type: 'file-upload', name: 'photos', label: 'Photos of the rubbish', maxFiles: 2 }] },
  ],
  targets: [],
  retention: { submissionDays: 365 },
};

describe('uploading files with a form, without JavaScript', () => {
  let t: TestPlatform;

  before(async () => {
    t = await formsPlatform();
    const admin = await t.platform.services.accounts.createVerifiedUser({ email: 'uploads.admin@example.org', password: 'x'.repeat(20), roles: ['admin'] }, { userId: null });
    assert.ok((await formsEngine(t.platform.services).registry.publish(FORM, admin)).ok);
  });
  after(async () => t.close());

  it('takes photos as a multipart post, refuses a disguised program, and lets staff download what was sent', async () => {
    const resident = new TestClient(t.app);
    await resident.get(`/forms/${FORM.id}/where`);
    await resident.post(`/forms/${FORM.id}/where`, { where: 'Behind the library' });
    const page = await resident.get(`/forms/${FORM.id}/photos`);
    assert.match(page.body, /<form method="post" action="\/forms\/fly-tipping\/photos" enctype="multipart\/form-data" novalidate>/);
    assert.match(page.body, /<input class="govuk-file-upload" id="photos" name="photos" type="file" multiple aria-describedby="photos-hint" accept="\.jpg,\.jpeg,image\/jpeg,\.png,image\/png,\.pdf,application\/pdf"/);

    const fake = await postMultipart(t, resident, `/forms/${FORM.id}/photos`, { action: 'photos-upload' }, [{ field: 'photos', name: 'photo.jpg', bytes: sampleFiles.exe() }]);
    assert.equal(fake.statusCode, 400);
    assert.deepEqual(errorSummary(fake.body), ['photo.jpg must be a JPG, PNG or PDF']);

    resident.lastHtml = page.body;
    const uploaded = await postMultipart(t, resident, `/forms/${FORM.id}/photos`, { action: 'photos-upload' }, [{ field: 'photos', name: 'tip.png', bytes: sampleFiles.png() }]);
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    assert.match(visibleText(uploaded.body), /Files added tip\.png 1KB Remove tip\.png/);

    resident.lastHtml = uploaded.body;
    const next = await postMultipart(t, resident, `/forms/${FORM.id}/photos`, {}, [{ field: 'photos', name: 'more.pdf', bytes: sampleFiles.pdf() }]);
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, `/forms/${FORM.id}/check-answers`);
    const check = await resident.get(`/forms/${FORM.id}/check-answers`);
    assert.match(visibleText(check.body), /Photos of the rubbish tip\.png more\.pdf/);
    assert.equal((await resident.post(`/forms/${FORM.id}/check-answers`)).statusCode, 303);

    const row = (await sql<{ id: string; answers: { photos: { fileId: string; name: string; type: string }[] } }>`select id, answers from form_submissions where form_id = ${FORM.id}`.execute(t.platform.services.db)).rows[0];
    assert.ok(row);
    assert.deepEqual(row.answers.photos.map((f) => [f.name, f.type]), [['tip.png', 'image/png'], ['more.pdf', 'application/pdf']]);

    const manager = await signedInResident(t, { roles: ['forms_manager'] });
    const view = await manager.client.get(`/staff/form-submissions/${row.id}`);
    assert.match(visibleText(view.body), /Photos of the rubbish tip\.png more\.pdf Download tip\.png Download more\.pdf/);
    const photo = row.answers.photos[0];
    assert.ok(photo);
    const download = await manager.client.get(`/staff/form-submissions/${row.id}/files/${photo.fileId}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/png');
    assert.equal(download.headers['content-disposition'], 'attachment; filename="tip.png"');
    assert.deepEqual(download.rawPayload, sampleFiles.png());
    // Only files the submission holds can be read through it.
    const other = await t.platform.services.files.save(t.platform.services.db, { name: 'secret.pdf', bytes: sampleFiles.pdf(), truncated: false }, 'pdf', 'forms');
    assert.equal((await manager.client.get(`/staff/form-submissions/${row.id}/files/${other.id}`)).statusCode, 404);
  });

  it('refuses a multipart post to a form page without the CSRF token', async () => {
    const resident = new TestClient(t.app);
    await resident.get(`/forms/${FORM.id}/where`);
    const res = await postMultipart(t, resident, `/forms/${FORM.id}/where`, { where: 'Canal towpath' }, [], { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(visibleText(res.body), /Your form could not be sent/);
  });
});
