import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary, TestClient } from '../../support/client.ts';
import { auditActions, countEmails, emailsTo, heading, latestEmail, latestLink, PASSWORD, signedInAs, signIn } from './support/identity.ts';

const NEW_PASSWORD = 'a brand new passphrase';

describe('resetting and changing a password, and changing an email address', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  const sessionsOf = async (userId: string) => (await t.platform.services.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

  it('answers "Reset your password" alike for known and unknown addresses, emailing only the account holder', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'forgetful@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    const form = await client.get('/forgotten-password');
    assert.equal(heading(form.body), 'Reset your password');
    const emails = await countEmails(t);

    const known = await client.post('/forgotten-password', { email: 'forgetful@example.com' });
    await client.get('/forgotten-password');
    const unknown = await client.post('/forgotten-password', { email: 'stranger@example.com' });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.equal(heading(known.body), 'Check your email');
    const strip = (html: string, email: string) => html.replaceAll(email, 'X').replace(/nonce="[^"]*"|'nonce-[^']*'/g, '');
    assert.equal(strip(known.body, 'forgetful@example.com'), strip(unknown.body, 'stranger@example.com'));
    assert.equal(await countEmails(t), emails + 1);
    assert.equal((await emailsTo(t, 'stranger@example.com')).length, 0);
  });

  it('resets the password from the emailed link once, ends every session and audits it', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'resetter@example.com', password: PASSWORD }, { userId: null });
    const elsewhere = new TestClient(t.app);
    await signIn(elsewhere, 'resetter@example.com');
    assert.equal(await sessionsOf(id), 1);

    const client = new TestClient(t.app);
    await client.get('/forgotten-password');
    await client.post('/forgotten-password', { email: 'resetter@example.com' });
    const link = await latestLink(t, 'resetter@example.com', '/reset-password');
    const page = await client.get(link);
    assert.equal(page.statusCode, 200);
    assert.equal(heading(page.body), 'Create a new password');

    const weak = await client.post(link, { password: 'short' });
    assert.deepEqual(errorSummary(weak.body), ['Password must be 8 characters or more']);
    const empty = await client.post(link, {});
    assert.deepEqual(errorSummary(empty.body), ['Enter a new password']);

    const done = await client.post(link, { password: NEW_PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/sign-in');
    assert.match((await client.follow(done)).body, /Your password has been reset/);
    assert.equal(await sessionsOf(id), 0, 'the other browser is signed out');
    assert.equal((await elsewhere.get('/account/change-password')).headers.location, '/sign-in');
    assert.match((await latestEmail(t, 'resetter@example.com'))?.subject ?? '', /password has been changed/);

    assert.equal((await signIn(new TestClient(t.app), 'resetter@example.com')).statusCode, 400, 'the old password no longer works');
    assert.equal((await signIn(new TestClient(t.app), 'resetter@example.com', NEW_PASSWORD)).statusCode, 303);
    const reused = await client.get(link);
    assert.equal(reused.statusCode, 400);
    assert.equal(heading(reused.body), 'This link has expired or has already been used');
    assert.ok((await auditActions(t, id)).includes('account.password_reset'));
  });

  it('confirms the address of an unconfirmed account whose owner resets the password', async () => {
    const client = new TestClient(t.app);
    await client.get('/sign-up');
    await client.post('/sign-up', { email: 'lost-link@example.com', password: PASSWORD });
    await client.get('/forgotten-password');
    await client.post('/forgotten-password', { email: 'lost-link@example.com' });
    const link = await latestLink(t, 'lost-link@example.com', '/reset-password');
    await client.get(link);
    await client.post(link, { password: NEW_PASSWORD });
    assert.equal((await signIn(client, 'lost-link@example.com', NEW_PASSWORD)).statusCode, 303);
  });

  it('refuses forged, expired and missing reset links', async () => {
    const id = await t.platform.services.accounts.createVerifiedUser({ email: 'expired@example.com', password: PASSWORD }, { userId: null });
    const expired = await t.platform.services.accounts.issueToken(t.platform.services.db, id, 'reset_password', -5);
    const client = new TestClient(t.app);
    for (const url of ['/reset-password', '/reset-password?token=forged-forged-forged-forged-forged', `/reset-password?token=${expired}`]) {
      assert.equal((await client.get(url)).statusCode, 400, url);
    }
    await client.get('/forgotten-password');
    const post = await client.post(`/reset-password?token=${expired}`, { password: NEW_PASSWORD });
    assert.equal(post.statusCode, 400);
    assert.equal((await signIn(new TestClient(t.app), 'expired@example.com')).statusCode, 303, 'the password is unchanged');
  });

  it('changes the password after checking the current one, signing out other sessions but not this one', async () => {
    const { client, userId } = await signedInAs(t, 'changer@example.com');
    const other = new TestClient(t.app);
    await signIn(other, 'changer@example.com');
    assert.equal(await sessionsOf(userId), 2);

    await client.get('/account/change-password');
    const wrong = await client.post('/account/change-password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorSummary(wrong.body), ['Your current password is not correct']);
    const empty = await client.post('/account/change-password', {});
    assert.deepEqual(errorSummary(empty.body), ['Enter your current password', 'Enter a new password']);
    const common = await client.post('/account/change-password', { currentPassword: PASSWORD, newPassword: 'password123' });
    assert.deepEqual(errorSummary(common.body), ['Password is too common. Choose a password that is harder to guess']);

    const done = await client.post('/account/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account');
    assert.equal(await sessionsOf(userId), 1);
    assert.equal((await other.get('/account/change-password')).headers.location, '/sign-in');
    assert.equal((await client.get('/account/change-password')).statusCode, 200, 'still signed in here');
    assert.ok((await auditActions(t, userId)).includes('account.password_changed'));
    assert.equal((await signIn(new TestClient(t.app), 'changer@example.com', NEW_PASSWORD)).statusCode, 303);
  });

  it('changes the email address only when the link sent to the new address is used by the same account', async () => {
    const { client, userId } = await signedInAs(t, 'old-address@example.com');
    await client.get('/account/change-email');
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['Enter your new email address', 'Enter your password']],
      [{ email: 'nope', password: PASSWORD }, ['Enter an email address in the correct format, like name@example.com']],
      [{ email: 'OLD-address@example.com', password: PASSWORD }, ['Enter a different email address to the one you use now']],
      [{ email: 'new-address@example.com', password: 'wrong password' }, ['Your password is not correct']],
    ];
    for (const [form, expected] of cases) {
      const res = await client.post('/account/change-email', form);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(errorSummary(res.body), expected);
    }
    const sent = await client.post('/account/change-email', { email: 'new-address@example.com', password: PASSWORD });
    assert.equal(sent.statusCode, 200);
    assert.equal(heading(sent.body), 'Check your email');
    assert.match((await latestEmail(t, 'old-address@example.com'))?.subject ?? '', /asked to change the email address/);
    const link = await latestLink(t, 'new-address@example.com', '/account/change-email/confirm');

    // Someone else signed in cannot use it; signed out, the link asks for sign-in first.
    const { client: intruder } = await signedInAs(t, 'intruder@example.com');
    assert.equal((await intruder.get(link)).statusCode, 400);
    const signedOut = new TestClient(t.app);
    assert.equal((await signedOut.get(link)).headers.location, '/sign-in');
    const afterSignIn = await signIn(signedOut, 'old-address@example.com');
    assert.equal(afterSignIn.headers.location, link);

    const confirmed = await signedOut.get(link);
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/account');
    const user = await t.platform.services.db.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(user.email, 'new-address@example.com');
    assert.ok(user.email_verified_at);
    assert.ok((await auditActions(t, userId)).includes('account.email_changed'));
    assert.match((await latestEmail(t, 'old-address@example.com'))?.subject ?? '', /has been changed/);
    assert.equal((await signedOut.get(link)).statusCode, 400, 'the link works once');
    const audit = await t.platform.services.audit.forSubject('user', userId);
    assert.doesNotMatch(JSON.stringify(audit), /new-address@example\.com/, 'addresses stay out of the audit log');
  });

  it('does not reveal that a new address has an account: its owner is told instead, and nothing changes', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'holder@example.com', password: PASSWORD }, { userId: null });
    const { client, userId } = await signedInAs(t, 'prober@example.com');
    await client.get('/account/change-email');
    const res = await client.post('/account/change-email', { email: 'holder@example.com', password: PASSWORD });
    assert.equal(res.statusCode, 200);
    assert.equal(heading(res.body), 'Check your email');
    const email = await latestEmail(t, 'holder@example.com');
    assert.match(email?.subject ?? '', /Someone tried to use your email address/);
    assert.doesNotMatch(email?.body ?? '', /token=/);
    const user = await t.platform.services.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(user.email, 'prober@example.com');
  });

  it('refuses a confirmation link for an address taken since it was sent', async () => {
    const { client } = await signedInAs(t, 'slowpoke@example.com');
    await client.get('/account/change-email');
    await client.post('/account/change-email', { email: 'contested@example.com', password: PASSWORD });
    const link = await latestLink(t, 'contested@example.com', '/account/change-email/confirm');
    await t.platform.services.accounts.createVerifiedUser({ email: 'Contested@example.com', password: PASSWORD }, { userId: null });
    const res = await client.get(link);
    assert.equal(res.statusCode, 409);
    assert.equal(heading(res.body), 'This email address is already used by another account');
  });
});
