import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { authenticator } from 'otplib';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary, TestClient } from '../../support/client.ts';
import { auditActions, heading, PASSWORD, signIn } from './support/identity.ts';

/** The code an authenticator app would show `seconds` from now. */
function codeAt(secret: string, seconds = 0): string {
  return authenticator.clone({ epoch: Date.now() + seconds * 1000 }).generate(secret);
}

function secretOn(html: string): string {
  const secret = /data-secret="([A-Z2-7]+)"/.exec(html)?.[1];
  assert.ok(secret, 'the set-up page shows the key as text');
  return secret;
}

describe('staff two-factor authentication (STAFF_2FA=required)', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'required' });
  });
  after(async () => t.close());

  const staffUser = (email: string, roles = ['editor']) => t.platform.services.accounts.createVerifiedUser({ email, password: PASSWORD, roles }, { userId: null });

  it('sends staff to set up an authenticator app at sign-in and before any staff page', async () => {
    await staffUser('new-staff@example.com');
    const client = new TestClient(t.app);
    const signedIn = await signIn(client, 'new-staff@example.com');
    assert.equal(signedIn.headers.location, '/account/two-factor/set-up');
    const staffPage = await client.get('/staff');
    assert.equal(staffPage.statusCode, 302);
    assert.equal(staffPage.headers.location, '/account/two-factor/set-up');
  });

  it('enrols with a QR code or the key as text, checks the code, audits it, and goes on to the page asked for', async () => {
    const id = await staffUser('enroller@example.com', ['admin']);
    const client = new TestClient(t.app);
    await client.get('/admin/users');
    await signIn(client, 'enroller@example.com');
    const page = await client.get('/account/two-factor/set-up');
    assert.equal(page.statusCode, 200);
    assert.equal(heading(page.body), 'Set up two-factor authentication');
    assert.match(page.body, /<svg class="app-qr-code" role="img" aria-label="[^"]+"/);
    const secret = secretOn(page.body);
    assert.equal(secretOn((await client.get('/account/two-factor/set-up')).body), secret, 'the key stays the same until set-up is done');

    const cases: [Record<string, string>, string][] = [
      [{}, 'Enter the code from your authenticator app'],
      [{ code: '12ab' }, 'Enter the code as 6 numbers, like 123456'],
      [{ code: codeAt(secret, -600) }, 'The code is not correct. Enter the latest code from your authenticator app'],
    ];
    for (const [form, message] of cases) {
      const res = await client.post('/account/two-factor/set-up', form);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(errorSummary(res.body), [message]);
      assert.equal(secretOn(res.body), secret);
    }
    const code = codeAt(secret);
    const done = await client.post('/account/two-factor/set-up', { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/admin/users');
    const asked = await client.follow(done);
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /Two-factor authentication is set up/);

    const user = await t.platform.services.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(user.totp_secret, secret);
    assert.ok(user.totp_enabled_at);
    assert.ok((await auditActions(t, id)).includes('account.two_factor_enrolled'));
  });

  it('asks enrolled staff for a code at sign-in, refusing a code used before', async () => {
    const id = await staffUser('returning@example.com');
    const first = new TestClient(t.app);
    await signIn(first, 'returning@example.com');
    const secret = secretOn((await first.get('/account/two-factor/set-up')).body);
    const enrolCode = codeAt(secret);
    await first.post('/account/two-factor/set-up', { code: enrolCode });

    const client = new TestClient(t.app);
    const signedIn = await signIn(client, 'returning@example.com');
    assert.equal(signedIn.headers.location, '/sign-in/two-factor');
    assert.equal((await client.get('/staff')).headers.location, '/sign-in/two-factor');
    const form = await client.get('/sign-in/two-factor');
    assert.equal(heading(form.body), 'Enter the code from your authenticator app');

    const replay = await client.post('/sign-in/two-factor', { code: enrolCode });
    assert.equal(replay.statusCode, 400);
    assert.deepEqual(errorSummary(replay.body), ['The code is not correct. Enter the latest code from your authenticator app']);
    const empty = await client.post('/sign-in/two-factor', { code: '' });
    assert.deepEqual(errorSummary(empty.body), ['Enter the code from your authenticator app']);

    const next = await client.post('/sign-in/two-factor', { code: codeAt(secret, 30) });
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, '/staff');
    assert.equal((await client.get('/staff')).statusCode, 200);
    const actions = await auditActions(t, id);
    assert.ok(actions.includes('auth.two_factor_failed'));
    assert.ok(actions.includes('auth.two_factor_passed'));
  });

  it('limits guesses at the code', async () => {
    await staffUser('guesser@example.com');
    const enrol = new TestClient(t.app);
    await signIn(enrol, 'guesser@example.com');
    const secret = secretOn((await enrol.get('/account/two-factor/set-up')).body);
    await enrol.post('/account/two-factor/set-up', { code: codeAt(secret) });

    const client = new TestClient(t.app);
    await signIn(client, 'guesser@example.com');
    await client.get('/sign-in/two-factor');
    const token = client.csrfToken() ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/sign-in/two-factor', { code: '000000', _csrf: token })).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(400));
    assert.equal(statuses[10], 429);
    const blocked = await client.post('/sign-in/two-factor', { code: codeAt(secret, 30), _csrf: token });
    assert.equal(blocked.statusCode, 429, 'even the right code waits');
    assert.equal(heading(blocked.body), 'Too many attempts');
  });

  it('tells residents they do not need it, and does not ask them for a code', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'resident@example.com', password: PASSWORD }, { userId: null });
    const client = new TestClient(t.app);
    assert.equal((await signIn(client, 'resident@example.com')).headers.location, '/account');
    const page = await client.get('/account/two-factor/set-up');
    assert.equal(heading(page.body), 'You do not need two-factor authentication');
    assert.equal((await client.get('/sign-in/two-factor')).headers.location, '/account');
  });
});

describe('staff two-factor authentication (STAFF_2FA=optional)', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'optional' });
  });
  after(async () => t.close());

  it('lets staff who have not enrolled use staff pages, but holds enrolled staff to it', async () => {
    await t.platform.services.accounts.createVerifiedUser({ email: 'relaxed@example.com', password: PASSWORD, roles: ['editor'] }, { userId: null });
    const client = new TestClient(t.app);
    assert.equal((await signIn(client, 'relaxed@example.com')).headers.location, '/account');
    const staff = await client.get('/staff');
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /You have not set up two-factor authentication/);

    const secret = secretOn((await client.get('/account/two-factor/set-up')).body);
    await client.post('/account/two-factor/set-up', { code: codeAt(secret) });
    const again = new TestClient(t.app);
    assert.equal((await signIn(again, 'relaxed@example.com')).headers.location, '/sign-in/two-factor');
    assert.equal((await again.get('/staff')).headers.location, '/sign-in/two-factor');
  });
});

describe('an administrator resetting someone’s two-factor authentication', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'required' });
  });
  after(async () => t.close());

  /** Signs in and enrols; returns the signed-in browser. */
  async function enrolled(email: string, roles: string[]): Promise<{ client: TestClient; id: string }> {
    const id = await t.platform.services.accounts.createVerifiedUser({ email, password: PASSWORD, roles }, { userId: null });
    const client = new TestClient(t.app);
    await signIn(client, email);
    const secret = secretOn((await client.get('/account/two-factor/set-up')).body);
    await client.post('/account/two-factor/set-up', { code: codeAt(secret) });
    return { client, id };
  }

  it('turns it off and signs the person out, so they set it up again at their next sign-in', async () => {
    const { client: admin } = await enrolled('admin-resetter@example.com', ['admin']);
    const { client: lost, id } = await enrolled('lost-phone@example.com', ['inspector']);
    const page = await admin.get(`/admin/users/${id}`);
    assert.match(page.body, /Reset two-factor authentication/);
    const res = await admin.post(`/admin/users/${id}/two-factor/reset`);
    assert.equal(res.statusCode, 303);
    assert.match((await admin.follow(res)).body, /Two-factor authentication reset for lost-phone@example\.com/);

    assert.equal((await lost.get('/staff')).headers.location, '/sign-in', 'signed out');
    assert.equal((await signIn(new TestClient(t.app), 'lost-phone@example.com')).headers.location, '/account/two-factor/set-up');
    assert.ok((await auditActions(t, id)).includes('account.two_factor_reset'));
  });
});
