import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { TestClient } from '../../support/client.ts';

const pages = ['/account', '/account/profile', '/account/profile/address', '/account/notifications', '/account/download', '/account/delete'];

describe('My Account for people who are not signed in', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  it('sends them to sign in from every page', async () => {
    for (const url of pages) {
      const res = await new TestClient(t.app).get(url);
      assert.equal(res.statusCode, 302, url);
      assert.equal(res.headers.location, '/sign-in', url);
    }
  });

  it('changes nothing when a form is sent without signing in', async () => {
    for (const url of ['/account/profile', '/account/profile/address', '/account/notifications', '/account/delete']) {
      const client = new TestClient(t.app);
      await client.get('/');
      const res = await client.post(url, { name: 'Mallory', channels: 'email', password: 'x', confirm: 'yes' });
      assert.ok([302, 403].includes(res.statusCode), `${url} answered ${res.statusCode}`);
      if (res.statusCode === 302) assert.equal(res.headers.location, '/sign-in', url);
    }
  });

  it('lists Your account in the service navigation', async () => {
    const res = await t.app.inject('/');
    assert.match(res.body, /href="\/account"[^>]*>\s*(<strong[^>]*>)?\s*Your account/);
  });

  it('shows the account-deleted page to anyone', async () => {
    const res = await t.app.inject('/account/deleted');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Your account has been deleted/);
  });
});
