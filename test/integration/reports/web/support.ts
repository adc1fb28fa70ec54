import type { LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../../../src/platform/http/session.ts';
import type { TestClient } from '../../../support/client.ts';
import type { ReportsTest } from '../support.ts';

/** Posts a multipart form as a browser does for a page with a file input, with the last page's CSRF token. */
export async function postPhoto(test: ReportsTest, client: TestClient, fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }): Promise<LightMyRequestResponse> {
  const boundary = '----lastmile-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: client.csrfToken() ?? '', ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const session = client.cookie(SESSION_COOKIE);
  const res = await test.t.app.inject({
    method: 'POST',
    url: '/report/photos',
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}) },
  });
  if (String(res.headers['content-type'] ?? '').startsWith('text/html')) client.lastHtml = res.body;
  return res;
}

/** The reference on a confirmation page. */
export function referenceIn(html: string): string {
  const found = /<strong>([2-9A-Z]{4}-[2-9A-Z]{4})<\/strong>/.exec(html)?.[1];
  if (!found) throw new Error('no reference on the page');
  return found;
}
