import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../../../src/platform/http/session.ts';
import { site, type Site } from '../../../../src/modules/site/index.ts';
import { errorSummary, type TestClient } from '../../../support/client.ts';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import { signedInResident } from '../../account/support.ts';

export { errorSummary };
export { fieldError, visibleText } from '../../account/support.ts';

export interface Person {
  client: TestClient;
  userId: string;
}

export interface EditorialTest {
  t: TestPlatform;
  site: Site;
  editor: Person;
  publisher: Person;
}

/** The real app on a fresh database, with an editor and a publisher signed in (second factor optional). */
export async function editorialPlatform(): Promise<EditorialTest> {
  const t = await createTestPlatform({ STAFF_2FA: 'optional' });
  // Scheduling sends jobs, which needs the queue's tables.
  await t.platform.services.jobs.start();
  const editor = await signedInResident(t, { roles: ['editor'], name: 'Edie Editor' });
  const publisher = await signedInResident(t, { roles: ['publisher'], name: 'Pat Publisher' });
  return { t, site: site(t.platform.services), editor, publisher };
}

/** Opens a page (for its CSRF token), posts the form, and expects to be sent on. Returns where to. */
export async function submit(client: TestClient, page: string, url: string, form: Record<string, string | string[]>): Promise<string> {
  await client.get(page);
  const res = await client.post(url, form);
  assert.equal(res.statusCode, 303, `${url} should accept the form, got ${res.statusCode}: ${errorSummary(res.body).join('; ')}`);
  return String(res.headers.location);
}

/** Opens a page, posts the form, and expects it refused with this error summary. */
export async function refused(client: TestClient, page: string, url: string, form: Record<string, string | string[]>, status = 400): Promise<LightMyRequestResponse> {
  await client.get(page);
  const res = await client.post(url, form);
  assert.equal(res.statusCode, status, `${url} should refuse the form`);
  return res;
}

/** Creates an item through the "new" page; returns its id. */
export async function create(client: TestClient, type: string, form: Record<string, string | string[]>): Promise<string> {
  const location = await submit(client, `/staff/site/new/${type}`, `/staff/site/new/${type}`, form);
  const id = /^\/staff\/site\/content\/([0-9a-f-]{36})$/.exec(location)?.[1];
  assert.ok(id, `creating goes to the new item's page, not ${location}`);
  return id;
}

export async function publishNow(client: TestClient, id: string): Promise<void> {
  await submit(client, `/staff/site/content/${id}`, `/staff/site/content/${id}/publish`, {});
}

/** The hidden base version on an edit page. */
export function baseVersionIn(html: string): string {
  const found = /name="baseVersion" value="(\d+)"/.exec(html)?.[1];
  assert.ok(found, 'the edit page carries the version it edits');
  return found;
}

export async function countRows(t: TestPlatform, table: 'site_content_versions' | 'site_content' | 'site_published' | 'site_schedules' | 'site_redirects' | 'site_menu_links'): Promise<number> {
  const { rows } = await t.platform.services.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]?.n ?? -1;
}

/** Everything editors write, to show nothing changed across a refused action. */
export async function snapshot(t: TestPlatform): Promise<string> {
  const { rows } = await t.platform.services.pool.query<{ s: string }>(
    `select concat_ws('|', (select count(*) from site_content), (select count(*) from site_content_versions), (select string_agg(content_id || ':' || version, ',' order by content_id) from site_published),
       (select count(*) from site_schedules), (select count(*) from site_redirects), (select count(*) from site_menu_links), (select name from site_settings)) as s`,
  );
  return rows[0]?.s ?? '';
}

/** Posts a multipart form with one file, as a browser does, with the last page's CSRF token. */
export async function upload(t: TestPlatform, client: TestClient, url: string, fields: Record<string, string>, file?: { name: string; field: string; bytes: Buffer }): Promise<LightMyRequestResponse> {
  const boundary = '----lastmile-site-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: client.csrfToken() ?? '', ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/json\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const session = client.cookie(SESSION_COOKIE);
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}) },
  });
  if (String(res.headers['content-type'] ?? '').startsWith('text/html')) client.lastHtml = res.body;
  return res;
}

export const topicForm = (title: string, path: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  title,
  summary: `Everything about ${title.toLowerCase()}.`,
  path,
  intro: `Find out about ${title.toLowerCase()}.`,
  ...extra,
});

export const guideForm = (title: string, path: string, sections: string, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  title,
  summary: `How to ${title.toLowerCase()}.`,
  path,
  sections,
  ...extra,
});
