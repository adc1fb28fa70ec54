import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { TestClient } from '../../support/client.ts';
import { auditActions, countUsers, heading, PASSWORD, signIn } from './support/identity.ts';
import { CLIENT_ID, CLIENT_SECRET, loginAtProvider, startIdentityProvider, type TestIdentityProvider } from './support/oidc-provider.ts';

const BASE_URL = 'http://localhost:3000';
const REDIRECT_URI = `${BASE_URL}/sign-in/oidc/callback`;

describe('signing in through an OpenID Connect provider', () => {
  let idp: TestIdentityProvider;
  let t: TestPlatform;
  before(async () => {
    idp = await startIdentityProvider(REDIRECT_URI);
    t = await createTestPlatform({ BASE_URL, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_DISPLAY_NAME: 'Test Login' });
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  /** The whole dance: our app → provider login and consent → back to our callback. */
  async function signInWithProvider(client: TestClient, subject: string, choice: 'continue' | 'abort' = 'continue') {
    const start = await client.get('/sign-in/oidc');
    assert.equal(start.statusCode, 302);
    const authorisation = new URL(String(start.headers.location));
    assert.equal(authorisation.origin, idp.issuer);
    assert.equal(authorisation.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorisation.searchParams.get('state'));
    assert.ok(authorisation.searchParams.get('nonce'));
    assert.equal(authorisation.searchParams.get('redirect_uri'), REDIRECT_URI);
    const back = new URL(await loginAtProvider(authorisation.href, REDIRECT_URI, subject, choice));
    return { callback: `${back.pathname}${back.search}`, response: await client.get(`${back.pathname}${back.search}`) };
  }

  const userBySubject = (subject: string) =>
    t.platform.services.db.selectFrom('users').selectAll().where('oidc_issuer', '=', idp.issuer).where('oidc_subject', '=', subject).executeTakeFirst();

  it('offers "Sign in with" the provider on the sign-in page', async () => {
    const page = await new TestClient(t.app).get('/sign-in');
    assert.match(page.body, /<a href="\/sign-in\/oidc"[^>]*>\s*Sign in with Test Login/);
  });

  it('creates an account for a new person whose email the provider has verified, and signs them in', async () => {
    idp.people.set('new-person', { email: 'new.person@example.com', email_verified: true });
    const client = new TestClient(t.app);
    const { response } = await signInWithProvider(client, 'new-person');
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/account');

    const user = await userBySubject('new-person');
    assert.ok(user);
    assert.equal(user.email, 'new.person@example.com');
    assert.ok(user.email_verified_at);
    assert.equal(user.password_hash, null);
    assert.deepEqual(await auditActions(t, user.id), ['account.created', 'auth.signed_in']);
    const signOut = await client.get('/sign-out');
    assert.match(signOut.body, /You are signed in as new\.person@example\.com/);

    // The same person again: the same account.
    const users = await countUsers(t);
    const again = await signInWithProvider(new TestClient(t.app), 'new-person');
    assert.equal(again.response.headers.location, '/account');
    assert.equal(await countUsers(t), users);
  });

  it('links an existing account with the same verified address, keeping its password', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'Existing@Example.com', password: PASSWORD }, { userId: null });
    idp.people.set('existing-subject', { email: 'existing@example.com', email_verified: true });
    const { response } = await signInWithProvider(new TestClient(t.app), 'existing-subject');
    assert.equal(response.headers.location, '/account');
    assert.equal((await userBySubject('existing-subject'))?.id, id);
    assert.ok((await auditActions(t, id)).includes('account.oidc_linked'));
    assert.equal((await signIn(new TestClient(t.app), 'existing@example.com')).statusCode, 303, 'the password still works');
  });

  it('takes over an unconfirmed account for the provider-verified owner, and stops its password working', async () => {
    const squatter = new TestClient(t.app);
    await squatter.get('/sign-up');
    await squatter.post('/sign-up', { email: 'owner@example.com', password: PASSWORD });
    idp.people.set('real-owner', { email: 'owner@example.com', email_verified: true });
    const { response } = await signInWithProvider(new TestClient(t.app), 'real-owner');
    assert.equal(response.headers.location, '/account');
    const user = await userBySubject('real-owner');
    assert.equal(user?.password_hash, null);
    assert.ok(user?.email_verified_at);
    const attempt = await signIn(squatter, 'owner@example.com');
    assert.equal(attempt.statusCode, 400);
  });

  it('refuses to link or create by an address the provider has not verified', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'target@example.com', password: PASSWORD }, { userId: null });
    const users = await countUsers(t);
    for (const [subject, claims] of [
      ['unverified', { email: 'target@example.com', email_verified: false }],
      ['no-claim', { email: 'target@example.com' }],
      ['no-email', {}],
    ] as const) {
      idp.people.set(subject, claims);
      const client = new TestClient(t.app);
      const { response } = await signInWithProvider(client, subject);
      assert.equal(response.statusCode, 403, subject);
      assert.equal(heading(response.body), 'Test Login has not confirmed your email address');
      assert.equal(await userBySubject(subject), undefined);
      assert.equal((await client.get('/account/change-password')).headers.location, '/sign-in', 'not signed in');
    }
    assert.equal(await countUsers(t), users);
  });

  it('refuses a callback that is replayed, forged, or arrives in another browser', async () => {
    idp.people.set('careful', { email: 'careful@example.com', email_verified: true });
    const client = new TestClient(t.app);
    const { callback, response } = await signInWithProvider(client, 'careful');
    assert.equal(response.statusCode, 302);

    const replayed = await client.get(callback);
    assert.equal(replayed.statusCode, 400);
    assert.equal(heading(replayed.body), 'Your sign-in did not finish');
    const otherBrowser = await new TestClient(t.app).get(callback);
    assert.equal(otherBrowser.statusCode, 400);

    // A forged state: the browser started a sign-in, but the answer is not for it.
    const victim = new TestClient(t.app);
    await victim.get('/sign-in/oidc');
    const forged = await victim.get(callback.replace(/state=[^&]+/, 'state=forged'));
    assert.equal(forged.statusCode, 400);
    assert.equal(heading(forged.body), 'We could not sign you in with Test Login');
    await victim.get('/sign-in/oidc');
    const junk = await victim.get('/sign-in/oidc/callback?code=nonsense&state=x&iss=nonsense');
    assert.equal(junk.statusCode, 400);
  });

  it('says so when the person cancels at the provider', async () => {
    const client = new TestClient(t.app);
    const { response } = await signInWithProvider(client, 'whoever', 'abort');
    assert.equal(response.statusCode, 400);
    assert.equal(heading(response.body), 'You did not sign in with Test Login');
  });

  it('shows a "not available" page when the provider cannot be reached', async () => {
    const down = await createTestPlatform({ BASE_URL, OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: CLIENT_ID, OIDC_DISPLAY_NAME: 'Test Login' });
    try {
      const res = await down.app.inject('/sign-in/oidc');
      assert.equal(res.statusCode, 503);
      assert.equal(heading(res.body), 'Signing in with Test Login is not available at the moment');
    } finally {
      await down.close();
    }
  });

  it('has no provider routes when none is configured', async () => {
    const plain = await createTestPlatform();
    try {
      assert.equal((await plain.app.inject('/sign-in/oidc')).statusCode, 404);
      assert.doesNotMatch((await plain.app.inject('/sign-in')).body, /Sign in with/);
    } finally {
      await plain.close();
    }
  });
});
