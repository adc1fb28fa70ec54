import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary } from '../../support/client.ts';
import { fieldError, PASSWORD, signedInResident, visibleText } from './support.ts';

describe('downloading and deleting your data', () => {
  let t: TestPlatform;
  const erased: string[] = [];
  before(async () => {
    t = await createTestPlatform();
    // Another module's share of people's data, registered as any module would.
    t.platform.services.personalData.addData({
      id: 'street-reports',
      async export(userId) {
        return [{ reference: 'R-1', about: userId }];
      },
      async erase(userId, trx) {
        if (!trx.isTransaction) throw new Error('erase must run inside the deletion transaction');
        erased.push(userId);
      },
      retained: ['Reports you made stay on the public map without your name, because they are about the street, not you.'],
    });
  });
  after(async () => t.close());

  const db = () => t.platform.services.db;

  it('gives the person a JSON file of everything held about them, without secrets', async () => {
    const { client, userId, email } = await signedInResident(t, { name: 'Ada Lovelace' });
    await db()
      .updateTable('users')
      .set({ phone: '+447700900982', address: JSON.stringify({ uprn: '100011', lines: ['1 Mersey Road'], town: 'Stockport', postcode: 'SK4 3DA' }), totp_secret: 'JBSWY3DPEHPK3PXPSECRET' })
      .where('id', '=', userId)
      .execute();
    const token = await t.platform.services.accounts.issueToken(db(), userId, 'reset_password', 60);
    const tokenRow = await db().selectFrom('user_tokens').select('token_hash').where('user_id', '=', userId).executeTakeFirstOrThrow();
    await t.platform.services.notify.email(db(), { to: email.toUpperCase(), subject: 'Reset your password', body: `https://example.org/reset/${token}` });

    const res = await client.get('/account/download');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="lastmile-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    assert.equal(res.headers['cache-control'], 'no-store');

    const data = JSON.parse(res.body);
    assert.equal(data.account.email, email);
    assert.equal(data.account.name, 'Ada Lovelace');
    assert.equal(data.account.phone, '+447700900982');
    assert.deepEqual(data.account.address, { uprn: '100011', lines: ['1 Mersey Road'], town: 'Stockport', postcode: 'SK4 3DA' });
    assert.deepEqual(data.account.notificationPreferences, { email: true, textMessage: false });
    assert.deepEqual(data.account.roles, []);
    assert.ok(data.account.created);
    assert.ok('lastSignIn' in data.account);
    assert.equal(data.account.messagesSentToYou.length, 1);
    assert.equal(data.account.messagesSentToYou[0].subject, 'Reset your password');
    assert.ok(data.account.securityLog.some((e: { action: string }) => e.action === 'account.created'), 'the security log entries about the account');
    assert.deepEqual(data['street-reports'], [{ reference: 'R-1', about: userId }]);

    const passwordHash = (await db().selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()).password_hash ?? '';
    for (const secret of [passwordHash, '$argon2', 'JBSWY3DPEHPK3PXPSECRET', tokenRow.token_hash, token]) {
      assert.ok(!res.body.includes(secret), `the download must not contain ${secret.slice(0, 12)}…`);
    }
    assert.doesNotMatch(res.body, /password_?hash|totp_?secret|token_?hash/i);

    const audit = await t.platform.services.audit.forSubject('user', userId);
    assert.ok(audit.some((r) => r.action === 'account.data_downloaded'));
  });

  it('says what deleting the account removes, what is kept and why', async () => {
    const { client } = await signedInResident(t);
    const res = await client.get('/account/delete');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, /What we delete .*your email address, name, telephone number and address/);
    assert.match(text, /What we keep, and why .*Our security log keeps a record of what was done with your account/);
    assert.match(text, /Reports you made stay on the public map without your name/);
    assert.match(text, /You cannot undo this/);
    assert.match(res.body, /<label class="govuk-label govuk-label--s" for="password">\s*Enter your password to confirm/);
    assert.match(res.body, /govuk-button--warning[^>]*>\s*Delete account/);
  });

  it('asks for the right password before deleting', async () => {
    const { client, userId } = await signedInResident(t);
    await client.get('/account/delete');
    let res = await client.post('/account/delete', { password: '' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Enter your password']);
    assert.equal(fieldError(res.body, 'password'), 'Enter your password');
    res = await client.post('/account/delete', { password: 'not my password' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Your password is not correct']);
    assert.equal(fieldError(res.body, 'password'), 'Your password is not correct');
    assert.ok(await db().selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(), 'the account is still there');
  });

  it('deletes the account, erases every module’s data, signs the person out and keeps an audit record', async () => {
    const { client, userId, email } = await signedInResident(t);
    const other = await signedInResident(t);
    await t.platform.services.notify.email(db(), { to: email, subject: 'Welcome', body: 'Hello' });
    await t.platform.services.notify.email(db(), { to: other.email, subject: 'Welcome', body: 'Hello' });

    await client.get('/account/delete');
    const res = await client.post('/account/delete', { password: PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/deleted');
    const done = await client.get('/account/deleted');
    assert.equal(done.statusCode, 200);
    assert.match(visibleText(done.body), /Your account has been deleted/);

    assert.equal(await db().selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(), undefined);
    assert.equal((await db().selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length, 0);
    assert.deepEqual(erased, [userId]);
    const messages = await db().selectFrom('notify_messages').select('recipient').execute();
    assert.ok(!messages.some((m) => m.recipient === email), 'messages to the person are erased');
    assert.ok(messages.some((m) => m.recipient === other.email), 'messages to other people are not');
    const audit = await t.platform.services.audit.forSubject('user', userId);
    const deleted = audit.find((r) => r.action === 'account.deleted');
    assert.ok(deleted, 'an account.deleted audit row exists');
    assert.equal(deleted.actor_id, userId);

    const again = await client.get('/account');
    assert.equal(again.statusCode, 302);
    assert.equal(again.headers.location, '/sign-in');
    assert.equal((await other.client.get('/account')).statusCode, 200, 'someone else is still signed in');
  });

  it('asks people without a password (who sign in elsewhere) to tick a box instead', async () => {
    const { client, userId } = await signedInResident(t);
    await db().updateTable('users').set({ password_hash: null, oidc_issuer: 'https://oidc.example.org', oidc_subject: 'abc-123' }).where('id', '=', userId).execute();
    let res = await client.get('/account/delete');
    assert.doesNotMatch(res.body, /name="password"/);
    assert.match(res.body, /<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">\s*Confirm you want to delete your account/);
    res = await client.post('/account/delete', {});
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Confirm that you want to delete your account']);
    assert.equal(fieldError(res.body, 'confirm'), 'Confirm that you want to delete your account');
    res = await client.post('/account/delete', { confirm: 'yes' });
    assert.equal(res.statusCode, 303);
    assert.equal(await db().selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst(), undefined);
  });

  it('stops guessing the password after a few tries', async () => {
    const { client, userId } = await signedInResident(t);
    await client.get('/account/delete');
    let status = 0;
    for (let i = 0; i < 11 && status !== 429; i++) status = (await client.post('/account/delete', { password: `guess ${i}` })).statusCode;
    assert.equal(status, 429);
    assert.match(visibleText(client.lastHtml), /Too many attempts/);
    assert.ok(await db().selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst());
  });
});
