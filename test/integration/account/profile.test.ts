import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary } from '../../support/client.ts';
import { fieldError, signedInResident, visibleText } from './support.ts';

describe('changing your name and telephone number', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  const user = (id: string) => t.platform.services.db.selectFrom('users').select(['name', 'phone', 'notify_sms']).where('id', '=', id).executeTakeFirstOrThrow();

  it('shows the current details in the form', async () => {
    const { client, userId } = await signedInResident(t, { name: 'Grace Hopper' });
    await t.platform.services.db.updateTable('users').set({ phone: '+447700900982' }).where('id', '=', userId).execute();
    const res = await client.get('/account/profile');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<label class="govuk-label govuk-label--s" for="name">\s*Full name\s*<\/label>/);
    assert.match(res.body, /id="name" name="name"[^>]*value="Grace Hopper"/);
    assert.match(res.body, /value="07700 900982"/);
    assert.match(res.body, /href="\/account"[^>]*>Back<\/a>/);
  });

  it('says what is wrong with each field, in the summary and beside the field', async () => {
    const { client, userId } = await signedInResident(t, { name: 'Before' });
    await client.get('/account/profile');

    let res = await client.post('/account/profile', { name: '  ', phone: 'call me' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: /);
    assert.deepEqual(errorSummary(res.body), ['Enter your full name', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']);
    assert.match(res.body, /<a href="#name">/);
    assert.match(res.body, /<a href="#phone">/);
    assert.equal(fieldError(res.body, 'name'), 'Enter your full name');
    assert.equal(fieldError(res.body, 'phone'), 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
    assert.match(res.body, /value="call me"/, 'what the person typed is kept');

    res = await client.post('/account/profile', { name: 'x'.repeat(201), phone: '' });
    assert.deepEqual(errorSummary(res.body), ['Full name must be 200 characters or fewer']);
    assert.equal(fieldError(res.body, 'name'), 'Full name must be 200 characters or fewer');

    assert.equal((await user(userId)).name, 'Before', 'nothing was saved');
  });

  it('stores telephone numbers in one form however they are typed', async () => {
    const { client, userId } = await signedInResident(t);
    for (const [typed, stored, shown] of [
      ['07700 900 982', '+447700900982', '07700 900982'],
      ['+44 (0)808 157 0192', '+448081570192', '0808 157 0192'],
      ['01632 960 001', '+441632960001', '01632 960001'],
    ] as const) {
      await client.get('/account/profile');
      const res = await client.post('/account/profile', { name: ' Ada   Lovelace ', phone: typed });
      assert.equal(res.statusCode, 303, typed);
      assert.equal(res.headers.location, '/account');
      assert.deepEqual(await user(userId), { name: 'Ada Lovelace', phone: stored, notify_sms: false }, typed);
      const dashboard = visibleText((await client.get('/account')).body);
      assert.match(dashboard, /Your details have been saved/);
      assert.match(dashboard, new RegExp(`Ada Lovelace ${shown}`));
    }
  });

  it('removes the phone number when the box is cleared, and stops text messages that needed it', async () => {
    const { client, userId } = await signedInResident(t, { name: 'Ada' });
    await t.platform.services.db.updateTable('users').set({ phone: '+447700900982', notify_sms: true }).where('id', '=', userId).execute();
    await client.get('/account/profile');
    const res = await client.post('/account/profile', { name: 'Ada', phone: '' });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await user(userId), { name: 'Ada', phone: null, notify_sms: false });
    const dashboard = visibleText((await client.get('/account')).body);
    assert.match(dashboard, /We will not send you text messages, because your profile has no mobile phone number/);
  });

  it('records the change in the audit log without the values', async () => {
    const { client, userId } = await signedInResident(t, { name: 'Old' });
    await client.get('/account/profile');
    await client.post('/account/profile', { name: 'New', phone: '07700 900 982' });
    const rows = await t.platform.services.audit.forSubject('user', userId);
    const change = rows.find((r) => r.action === 'account.profile_changed');
    assert.deepEqual(change?.details, { changed: ['name', 'phone'] });
    assert.equal(change?.actor_id, userId);
  });
});
