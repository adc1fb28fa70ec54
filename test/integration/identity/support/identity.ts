import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { TestClient } from '../../../support/client.ts';
import type { TestPlatform } from '../../../support/platform.ts';

export const PASSWORD = 'correct horse battery staple';

/** The newest email to an address, as the local outbox holds it. */
export async function latestEmail(t: TestPlatform, to: string): Promise<{ subject: string; body: string } | undefined> {
  const messages = await t.platform.services.notify.recent(500);
  return messages.find((m) => m.channel === 'email' && m.recipient.toLowerCase() === to.toLowerCase());
}

export async function emailsTo(t: TestPlatform, to: string): Promise<{ subject: string; body: string }[]> {
  const messages = await t.platform.services.notify.recent(500);
  return messages.filter((m) => m.channel === 'email' && m.recipient.toLowerCase() === to.toLowerCase());
}

/** The path and query of the link in an email that goes to `path`, as a person clicking it would visit. */
export function linkIn(body: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+(${path.replace(/[/]/g, '\\/')}\\?token=[\\w-]+)`).exec(body);
  assert.ok(match?.[1], `the email has a ${path} link:\n${body}`);
  return match[1];
}

export async function latestLink(t: TestPlatform, to: string, path: string): Promise<string> {
  const email = await latestEmail(t, to);
  assert.ok(email, `an email was sent to ${to}`);
  return linkIn(email.body, path);
}

/** Signs in through the form; returns the response to the form post. */
export async function signIn(client: TestClient, email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
  await client.get('/sign-in');
  return client.post('/sign-in', { email, password });
}

/** A browser that has signed in as a new verified account with the given roles. */
export async function signedInAs(t: TestPlatform, email: string, roles: string[] = []): Promise<{ client: TestClient; userId: string }> {
  const userId = await t.platform.services.accounts.createVerifiedUser({ email, password: PASSWORD, roles }, { userId: null });
  const client = new TestClient(t.app);
  const res = await signIn(client, email);
  assert.equal(res.statusCode, 303, `signed in as ${email}`);
  return { client, userId };
}

export async function auditActions(t: TestPlatform, userId: string): Promise<string[]> {
  return (await t.platform.services.audit.forSubject('user', userId)).map((r) => r.action);
}

export async function countUsers(t: TestPlatform): Promise<number> {
  const row = await t.platform.services.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countEmails(t: TestPlatform): Promise<number> {
  return (await t.platform.services.notify.recent(10_000)).length;
}

/** The page's main heading text. */
export function heading(html: string): string {
  return (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "").trim();
}
