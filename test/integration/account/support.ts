import assert from 'node:assert/strict';
import { TestClient } from '../../support/client.ts';
import type { TestPlatform } from '../../support/platform.ts';

export const PASSWORD = 'correct horse battery staple';

let people = 0;

/** A verified resident, signed in through the real sign-in page. */
export async function signedInResident(t: TestPlatform, options: { roles?: string[]; name?: string } = {}): Promise<{ client: TestClient; userId: string; email: string }> {
  people += 1;
  const email = `resident${people}.${Date.now()}@example.org`;
  const userId = await t.platform.services.accounts.createVerifiedUser({ email, password: PASSWORD, ...options }, { userId: null });
  const client = new TestClient(t.app);
  await client.get('/sign-in');
  const res = await client.post('/sign-in', { email, password: PASSWORD });
  assert.equal(res.statusCode, 303, `sign-in should redirect, got ${res.statusCode}`);
  return { client, userId, email };
}

/** The visible text of a page, tags removed and whitespace collapsed, for asserting what a reader sees. */
export function visibleText(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message a field shows under its label (GOV.UK `#<id>-error`), without the hidden "Error:" prefix. */
export function fieldError(html: string, id: string): string | undefined {
  const match = new RegExp(`<p id="${id}-error" class="govuk-error-message">([\\s\\S]*?)</p>`).exec(html);
  return match ? visibleText(match[1] ?? '').replace(/^Error:\s*/, '') : undefined;
}
