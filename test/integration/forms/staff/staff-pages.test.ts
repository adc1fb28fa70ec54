import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { TestPlatform } from '../../../support/platform.ts';
import { errorSummary, type TestClient } from '../../../support/client.ts';
import { signedInResident, visibleText, fieldError } from '../../account/support.ts';
import { deliveryService } from '../../../../src/modules/forms/delivery/index.ts';
import { definitionFor, formsPlatform, postMultipart, storeSubmission, waitFor } from '../delivery/support.ts';

describe('the staff pages for forms', () => {
  let t: TestPlatform;
  let manager: { client: TestClient; userId: string };

  before(async () => {
    t = await formsPlatform();
    await t.platform.services.jobs.start();
    manager = await signedInResident(t, { roles: ['forms_manager'], name: 'Grace Hopper' });
  });
  after(async () => t.close());

  it('lets forms managers and administrators in, and no one else', async () => {
    assert.equal((await manager.client.get('/staff/forms')).statusCode, 200);
    const admin = await signedInResident(t, { roles: ['admin'] });
    assert.equal((await admin.client.get('/staff/form-submissions')).statusCode, 200);
    const adviser = await signedInResident(t, { roles: ['customer_services'] });
    for (const url of ['/staff/forms', '/staff/form-submissions', '/staff/form-deliveries', '/staff/forms/publish']) {
      assert.equal((await adviser.client.get(url)).statusCode, 403, `customer services: ${url}`);
    }
    const resident = await signedInResident(t);
    assert.equal((await resident.client.get('/staff/form-submissions')).statusCode, 403);
    const staffHome = visibleText((await manager.client.get('/staff')).body);
    assert.match(staffHome, /Publish form versions and retry failed form deliveries/);
    assert.match((await manager.client.get('/staff')).body, /href="\/staff\/forms"/);
  });

  it('publishes a pasted definition as the form’s next version, audited', async () => {
    await manager.client.get('/staff/forms/publish');
    const json = JSON.stringify(definitionFor('garden-waste', []));
    const res = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: json });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/staff/forms/garden-waste');
    const page = await manager.client.get('/staff/forms/garden-waste');
    const text = visibleText(page.body);
    assert.match(text, /Version 1 of Report a missed bin is published/);
    assert.match(text, /Versions .* 1 Latest Report a missed bin .* Grace Hopper 0 Preview version 1/);

    // The version number in the JSON does not matter: publishing again makes version 2.
    await manager.client.get('/staff/forms/publish');
    assert.equal((await postMultipart(t, manager.client, '/staff/forms/publish', { definition: json })).statusCode, 303);
    const versions = await sql<{ version: number }>`select version from form_versions where form_id = 'garden-waste' order by version`.execute(t.platform.services.db);
    assert.deepEqual(versions.rows.map((r) => r.version), [1, 2]);
    const audit = await t.platform.services.audit.forSubject('form', 'garden-waste');
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id, a.details.version]), [
      ['forms.published', manager.userId, 1],
      ['forms.published', manager.userId, 2],
    ]);
  });

  it('publishes an uploaded JSON file', async () => {
    await manager.client.get('/staff/forms/publish');
    const bytes = Buffer.from(JSON.stringify(definitionFor('uploaded-form', [])));
    const res = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: '' }, [{ field: 'definitionFile', name: 'uploaded-form.json', bytes }]);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/staff/forms/uploaded-form');
  });

  it('refuses a multipart post without the CSRF token', async () => {
    await manager.client.get('/staff/forms/publish');
    const res = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: JSON.stringify(definitionFor('sneaky', [])) }, [], { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(visibleText(res.body), /Your form could not be sent/);
    assert.equal((await manager.client.get('/staff/forms/sneaky')).statusCode, 404);
  });

  it('lists each problem of an invalid definition with its JSON path, and publishes nothing', async () => {
    await manager.client.get('/staff/forms/publish');
    const broken = definitionFor('broken-form', []);
    broken.pages = [{ id: 'bin', fields: [{ type: 'teleport', name: 'binType', label: 'Which bin?' }] }];
    delete broken.retention;
    const res = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: JSON.stringify(broken) });
    assert.equal(res.statusCode, 400);
    const problems = errorSummary(res.body);
    assert.ok(problems.some((p) => /^pages\[0\]\.fields\[0\]\.type: must be one of text, /.test(p)), problems.join('\n'));
    assert.ok(problems.includes('retention: is required'), problems.join('\n'));
    assert.equal(fieldError(res.body, 'definition'), problems[0]);
    assert.match(res.body, /Which bin\?/, 'what was pasted is shown again');

    await manager.client.get('/staff/forms/publish');
    const notJson = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: '{ "id": ' });
    assert.equal(notJson.statusCode, 400);
    assert.match(errorSummary(notJson.body)[0] ?? '', /^\(the definition\): is not valid JSON/);

    await manager.client.get('/staff/forms/publish');
    const empty = await postMultipart(t, manager.client, '/staff/forms/publish', { definition: '' });
    assert.deepEqual(errorSummary(empty.body), ['Paste the form definition, or choose a JSON file']);
    assert.equal((await manager.client.get('/staff/forms/broken-form')).statusCode, 404);
  });

  it('previews any version, page by page, read-only', async () => {
    const res = await manager.client.get('/staff/forms/garden-waste/versions/1');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /Page 1: Which bin was missed\? \(bin\)/);
    assert.match(text, /Page 2: What was not collected\? \(items\)/);
    assert.match(res.body, /<fieldset class="app-preview" disabled>/);
    assert.equal((await manager.client.get('/staff/forms/garden-waste/versions/9')).statusCode, 404);
    assert.equal((await manager.client.get('/staff/forms/garden-waste/versions/x')).statusCode, 404);
  });

  it('lists submissions newest first, a page at a time, filtered by form', async () => {
    for (let i = 0; i < 52; i++) await storeSubmission(t, { formId: 'busy-form' });
    const other = await storeSubmission(t, { formId: 'quiet-form' });
    const first = await manager.client.get('/staff/form-submissions?form=busy-form');
    const text = visibleText(first.body);
    assert.match(text, /Showing 1 to 50 of 52 submissions/);
    assert.doesNotMatch(text, new RegExp(other.reference));
    assert.match(first.body, /href="\/staff\/form-submissions\?form=busy-form&amp;page=2"/);
    const second = visibleText((await manager.client.get('/staff/form-submissions?form=busy-form&page=2')).body);
    assert.match(second, /Showing 51 to 52 of 52 submissions/);
    const all = visibleText((await manager.client.get('/staff/form-submissions')).body);
    assert.match(all, new RegExp(other.reference));
  });

  it('shows one submission’s answers as the check answers page words them, and where it was sent', async () => {
    const submission = await storeSubmission(t, { targets: [{ type: 'email', to: 'bins@stockport.example' }] });
    await t.platform.services.db.transaction().execute((trx) => deliveryService(t.platform.services).enqueue(trx, submission, [{ type: 'email', to: 'bins@stockport.example' }]));
    const res = await manager.client.get(`/staff/form-submissions/${submission.id}`);
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, new RegExp(`Report a missed bin ${submission.reference}`));
    assert.match(text, /Contact Ada Lovelace ada@example\.org/);
    assert.match(text, /Which bin was missed\? recycling Items not collected Sofa Fridge Anything else we should know\? =SUM\(A1\)/);
    assert.match(text, /Email to bins@stockport\.example Trying 0/);
    assert.equal((await manager.client.get('/staff/form-submissions/not-a-submission')).statusCode, 404);
  });

  it('exports a form’s submissions as CSV, add-another flattened and formulas defused, audited', async () => {
    await storeSubmission(t, { formId: 'export-form', answers: { binType: 'general', items: [{ item: 'Sofa' }, { item: '+Fridge' }, { item: 'Mattress, double' }] } });
    await storeSubmission(t, { formId: 'export-form', answers: { binType: '=HYPERLINK("http://evil.example")', details: 'Line one\nline two' } });
    const res = await manager.client.get('/staff/forms/export-form/submissions.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="export-form-submissions-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.ok(res.body.startsWith('\ufeff'));
    const rows: string[][] = parse(res.body.slice(1));
    assert.deepEqual(rows[0], [
      'Reference', 'Sent', 'Form version', 'How it was sent', 'Contact name', 'Contact email', 'Contact phone',
      'Which bin was missed?', 'Items not collected 1: Item', 'Items not collected 2: Item', 'Items not collected 3: Item', 'Anything else we should know?',
    ]);
    assert.deepEqual(rows[1]?.slice(7), ['general', 'Sofa', "'+Fridge", 'Mattress, double', '']);
    assert.deepEqual(rows[2]?.slice(7), [`'=HYPERLINK("http://evil.example")`, '', '', '', 'Line one\nline two']);
    assert.match(rows[1]?.[1] ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const audit = await t.platform.services.audit.forSubject('form', 'export-form');
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id]), [['forms.submissions_exported', manager.userId]]);
    assert.equal((await manager.client.get('/staff/forms/no-such-form/submissions.csv')).statusCode, 404);
  });

  it('lists failed deliveries with their error, and retries one, audited', async () => {
    const submission = await storeSubmission(t, { formId: 'failing-form' });
    const target = { type: 'webhook' as const, url: 'http://127.0.0.1:9/hook', secretEnv: 'FORMS_UNSET_SECRET' };
    await t.platform.services.db.transaction().execute((trx) => deliveryService(t.platform.services).enqueue(trx, submission, [target]));
    const [delivery] = await deliveryService(t.platform.services).repository.forSubmission(submission.id);
    assert.ok(delivery);
    await deliveryService(t.platform.services).deliver(delivery.id, { id: 'job', retryCount: 0, retryLimit: 8 });

    const list = await manager.client.get('/staff/form-deliveries');
    const text = visibleText(list.body);
    assert.match(text, new RegExp(`${submission.reference} Report a missed bin Webhook http://127.0.0.1:9/hook .* 1 Set the environment variable FORMS_UNSET_SECRET Retry`));
    const res = await manager.client.post(`/staff/form-deliveries/${delivery.id}/retry`);
    assert.equal(res.statusCode, 303);
    assert.match(visibleText((await manager.client.follow(res)).body), /The delivery will be tried again/);
    const reopened = await waitFor(async () => (await deliveryService(t.platform.services).repository.find(delivery.id)) ?? undefined);
    assert.equal(reopened.status, 'pending');
    const audit = await t.platform.services.audit.forSubject('form_delivery', delivery.id);
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id]), [['forms.delivery_retried', manager.userId]]);
    await manager.client.get('/staff/forms/publish');
    const again = await manager.client.post(`/staff/form-deliveries/${delivery.id}/retry`);
    assert.match(visibleText((await manager.client.follow(again)).body), /That delivery is no longer in the failed list/);
  });
});
