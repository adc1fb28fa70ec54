import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { TestClient } from '../../support/client.ts';
import { heading, PASSWORD } from './support/identity.ts';

/** Posts the same form `times` times with one CSRF token; returns the statuses. */
async function hammer(client: TestClient, page: string, url: string, form: Record<string, string>, times: number): Promise<number[]> {
  await client.get(page);
  const token = client.csrfToken() ?? '';
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await client.post(url, { ...form, _csrf: token })).statusCode);
  return statuses;
}

describe('rate limits on sign-in, sign-up and password reset', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  it('stops password guessing at one account after 10 tries, with the GOV.UK "Too many attempts" page', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'target@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    const statuses = await hammer(client, '/sign-in', '/sign-in', { email: 'target@example.com', password: 'wrong guess here' }, 11);
    assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
    const blocked = await client.post('/sign-in', { email: 'target@example.com', password: PASSWORD, _csrf: (await client.get('/sign-in'), client.csrfToken() ?? '') });
    assert.equal(blocked.statusCode, 429, 'even the right password waits');
    assert.equal(heading(blocked.body), 'Too many attempts');
    assert.match(blocked.body, /Wait 15 minutes/);
    assert.ok(blocked.headers['retry-after']);

    // Another account from the same place is not blocked by that.
    await t.platform.services.accounts.createVerifiedUser({ email: 'bystander@example.com', password: PASSWORD }, { userId: null });
    await client.get('/sign-in');
    assert.equal((await client.post('/sign-in', { email: 'bystander@example.com', password: PASSWORD })).statusCode, 303);
  });

  it('limits sign-ups from one place to 20 in 15 minutes', async () => {
    const statuses = await hammer(new TestClient(t.app), '/sign-up', '/sign-up', { email: 'not-an-email', password: PASSWORD }, 21);
    assert.deepEqual(statuses, [...Array(20).fill(400), 429]);
  });

  it('limits password reset requests from one place to 10 in 15 minutes', async () => {
    const statuses = await hammer(new TestClient(t.app), '/forgotten-password', '/forgotten-password', { email: 'someone@example.com' }, 11);
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
  });
});
