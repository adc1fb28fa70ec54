import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary, TestClient } from '../../support/client.ts';
import { SESSION_COOKIE } from '../../../src/platform/http/session.ts';
import { auditActions, countEmails, countUsers, emailsTo, heading, latestEmail, latestLink, PASSWORD, signIn } from './support/identity.ts';

describe('creating an account and signing in with a password', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  const userByEmail = (email: string) => t.platform.services.accounts.findByEmail(email);

  it('shows the "Create an account" form with a CSRF token', async () => {
    const client = new TestClient(t.app);
    const res = await client.get('/sign-up');
    assert.equal(res.statusCode, 200);
    assert.equal(heading(res.body), 'Create an account');
    assert.match(res.body, /name="_csrf" value="[^"]+"/);
    assert.match(res.body, /<input[^>]*id="email"[^>]*type="email"/);
    assert.match(res.body, /id="password"/);
  });

  it('creates an unconfirmed account, emails a link, and confirms the address when the link is followed', async () => {
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    const res = await client.post('/sign-up', { email: 'Rosa.Parks@example.com', password: PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sign-up/check-email');
    const page = await client.follow(res);
    assert.equal(heading(page.body), 'Check your email');
    assert.match(page.body, /Rosa\.Parks@example\.com/);

    const user = await userByEmail('rosa.parks@example.com');
    assert.ok(user);
    assert.equal(user.email, 'Rosa.Parks@example.com');
    assert.equal(user.email_verified_at, null);
    assert.notEqual(user.password_hash, PASSWORD);
    assert.match(user.password_hash ?? '', /^\$argon2id\$/);
    assert.deepEqual(await auditActions(t, user.id), ['account.created']);

    const link = await latestLink(t, 'Rosa.Parks@example.com', '/verify-email');
    const confirmed = await client.get(link);
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/sign-in');
    const signInPage = await client.follow(confirmed);
    assert.match(signInPage.body, /Your email address is confirmed/);
    assert.ok((await userByEmail('rosa.parks@example.com'))?.email_verified_at);

    const again = await client.get(link);
    assert.equal(again.statusCode, 400, 'a link works once');
    assert.equal(heading(again.body), 'This link has expired or has already been used');
  });

  it('does not sign in an unconfirmed account, and sends a fresh confirmation link instead', async () => {
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    await client.post('/sign-up', { email: 'unconfirmed@example.com', password: PASSWORD });
    const before = (await emailsTo(t, 'unconfirmed@example.com')).length;

    const res = await signIn(client, 'unconfirmed@example.com');
    assert.equal(res.statusCode, 200);
    assert.equal(heading(res.body), 'Check your email');
    assert.match(res.body, /You need to confirm your email address before you can sign in/);
    assert.equal((await emailsTo(t, 'unconfirmed@example.com')).length, before + 1);
    const protectedPage = await client.get('/account/change-password');
    assert.equal(protectedPage.statusCode, 302);
    assert.equal(protectedPage.headers.location, '/sign-in');

    // With the wrong password, it is just a failed sign-in: nothing says the account exists.
    const wrong = await signIn(client, 'unconfirmed@example.com', 'not the password at all');
    assert.deepEqual(errorSummary(wrong.body), ['Your email address or password is not correct']);
  });

  it('answers a sign-up for an address that has an account exactly as for a new one, and emails the owner', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'taken@example.com', password: PASSWORD }, { userId: null });
    const users = await countUsers(t);

    const fresh = new TestClient(t.app);
    await fresh.get('/sign-up');
    const newAddress = await fresh.post('/sign-up', { email: 'brand-new@example.com', password: 'another long passphrase' });
    const existing = new TestClient(t.app);
    await existing.get('/sign-up');
    const knownAddress = await existing.post('/sign-up', { email: 'TAKEN@example.com', password: 'another long passphrase' });

    assert.equal(knownAddress.statusCode, newAddress.statusCode);
    assert.equal(knownAddress.headers.location, newAddress.headers.location);
    const pageA = (await fresh.follow(newAddress)).body.replaceAll('brand-new@example.com', 'X');
    const pageB = (await existing.follow(knownAddress)).body.replaceAll('TAKEN@example.com', 'X');
    const normalise = (html: string) => html.replace(/nonce-?[="][^"]+"?/g, '').replace(/nonce="[^"]*"/g, '');
    assert.equal(normalise(pageA), normalise(pageB));

    assert.equal(await countUsers(t), users + 1, 'only the new address made an account');
    const owner = await latestEmail(t, 'taken@example.com');
    assert.ok(owner);
    assert.match(owner.subject, /Someone tried to create/);
    assert.match(owner.body, /\/sign-in/);
    assert.match(owner.body, /\/forgotten-password/);
    assert.doesNotMatch(owner.body, /verify-email/);
  });

  it('signs in with a new session id, then goes to the account page, and audits it', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'signer@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    await client.get('/sign-in');
    const before = client.cookie(SESSION_COOKIE);
    assert.ok(before, 'the sign-in form starts a session for its CSRF token');
    const res = await client.post('/sign-in', { email: ' Signer@Example.com ', password: PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const after = client.cookie(SESSION_COOKIE);
    assert.ok(after);
    assert.notEqual(after.split('.')[0], before.split('.')[0], 'the session id changes at sign-in');

    const session = await t.platform.services.db.selectFrom('sessions').select(['data', 'user_id']).where('user_id', '=', id).executeTakeFirst();
    assert.equal(session?.data.userId, id);
    assert.deepEqual(await auditActions(t, id), ['account.created', 'auth.signed_in']);
    assert.ok((await userByEmail('signer@example.com'))?.last_sign_in_at);
  });

  it('goes back to the page that asked for sign-in', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'returner@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    const asked = await client.get('/account/change-password');
    assert.equal(asked.headers.location, '/sign-in');
    const res = await signIn(client, 'returner@example.com');
    assert.equal(res.headers.location, '/account/change-password');
  });

  it('refuses a wrong password and an unknown address with the same message, auditing both without the address', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'victim@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    const wrong = await signIn(client, 'victim@example.com', 'guess guess guess');
    const unknown = await signIn(client, 'nobody-here@example.com', 'guess guess guess');
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 400);
      assert.deepEqual(errorSummary(res.body), ['Your email address or password is not correct']);
      assert.match(res.body, /<p id="email-error" class="govuk-error-message">/);
    }
    assert.deepEqual(await auditActions(t, id), ['account.created', 'auth.sign_in_failed']);
    const failures = await t.platform.services.db.selectFrom('audit_log').select(['subject_id', 'details']).where('action', '=', 'auth.sign_in_failed').execute();
    const anonymous = failures.find((f) => f.subject_id === null);
    assert.ok(anonymous);
    assert.match(String(anonymous.details.emailHash), /^[0-9a-f]{64}$/);
    const everything = JSON.stringify(failures);
    assert.doesNotMatch(everything, /nobody-here|guess guess/);
  });

  it('explains each problem with the form in GOV.UK words, and stores nothing', async () => {
    const users = await countUsers(t);
    const emails = await countEmails(t);
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['Enter your email address', 'Create a password']],
      [{ email: 'not-an-email', password: PASSWORD }, ['Enter an email address in the correct format, like name@example.com']],
      [{ email: 'name@example', password: PASSWORD }, ['Enter an email address in the correct format, like name@example.com']],
      [{ email: 'short@example.com', password: 'abc123' }, ['Password must be 8 characters or more']],
      [{ email: 'common@example.com', password: 'password1' }, ['Password is too common. Choose a password that is harder to guess']],
      [{ email: `${'a'.repeat(250)}@example.com`, password: PASSWORD }, ['Email address must be 254 characters or fewer']],
    ];
    for (const [form, expected] of cases) {
      const res = await client.post('/sign-up', form);
      assert.equal(res.statusCode, 400, JSON.stringify(form));
      assert.deepEqual(errorSummary(res.body), expected);
      assert.match(res.body, /<title>Error: Create an account/);
      // Each message also sits on its field.
      for (const message of expected) assert.match(res.body, new RegExp(`<span class="govuk-visually-hidden">Error:</span> ${message.replace(/[.]/g, '\\.')}`));
    }
    const signInErrors = await client.post('/sign-in', {});
    assert.deepEqual(errorSummary(signInErrors.body), ['Enter your email address', 'Enter your password']);
    assert.equal(await countUsers(t), users);
    assert.equal(await countEmails(t), emails);
  });

  it('refuses forms without a CSRF token, bodies no form could send, and forged links, without a server error', async () => {
    const users = await countUsers(t);
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    const noToken = await client.post('/sign-up', { email: 'csrf@example.com', password: PASSWORD }, { csrf: false });
    assert.equal(noToken.statusCode, 403);
    assert.equal(heading(noToken.body), 'Your form could not be sent');
    const forged = await client.post('/sign-up', { email: 'csrf@example.com', password: PASSWORD, _csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);

    await client.get('/sign-up');
    const token = client.csrfToken() ?? '';
    const repeated = await client.post('/sign-up', { email: ['a@example.com', 'b@example.com'], password: PASSWORD });
    assert.equal(repeated.statusCode, 400);
    assert.equal(heading(repeated.body), 'What you sent could not be read');
    const json = await t.app.inject({ method: 'POST', url: '/sign-up', payload: { email: { $ne: 1 }, _csrf: token }, headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` } });
    assert.equal(json.statusCode, 400);
    const plain = await t.app.inject({ method: 'POST', url: '/sign-in', payload: 'email=x', headers: { 'content-type': 'text/plain', cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` } });
    assert.ok(plain.statusCode >= 400 && plain.statusCode < 500, `text/plain gets ${plain.statusCode}`);

    for (const url of ['/verify-email', '/verify-email?token=', '/verify-email?token=forged-token-forged-token-forged', '/verify-email?token=%00%ff', '/verify-email?token=a&token=b']) {
      const res = await client.get(url);
      assert.ok(res.statusCode === 400, `${url} gets ${res.statusCode}`);
    }
    assert.equal(await countUsers(t), users);
  });

  it('refuses an expired confirmation link', async () => {
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    await client.post('/sign-up', { email: 'slow@example.com', password: PASSWORD });
    const user = await userByEmail('slow@example.com');
    assert.ok(user);
    const { accounts, db } = t.platform.services;
    const token = await accounts.issueToken(db, user.id, 'verify_email', -1);
    const res = await client.get(`/verify-email?token=${token}`);
    assert.equal(res.statusCode, 400);
    assert.equal((await userByEmail('slow@example.com'))?.email_verified_at, null);
  });

  it('signs out from a confirmation page (for people without JavaScript) and a POST, ending the session', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'leaver@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    await signIn(client, 'leaver@example.com');
    const page = await client.get('/sign-out');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/sign-out"/);
    const noToken = await client.post('/sign-out', {}, { csrf: false });
    assert.equal(noToken.statusCode, 403, 'signing out needs the CSRF token too');

    await client.get('/sign-out');
    const res = await client.post('/sign-out');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    const home = await client.follow(res);
    assert.match(home.body, /You have signed out/);
    const sessions = await t.platform.services.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
    assert.equal(sessions.length, 0);
    assert.equal((await client.get('/account/change-password')).headers.location, '/sign-in');
    assert.deepEqual(await auditActions(t, id), ['account.created', 'auth.signed_in', 'auth.signed_out']);
    assert.equal((await client.get('/sign-out')).headers.location, '/', 'nobody to sign out');
  });
});
