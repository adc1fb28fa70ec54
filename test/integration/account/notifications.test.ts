import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary } from '../../support/client.ts';
import { fieldError, signedInResident, visibleText } from './support.ts';

describe('notification preferences', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  const preferences = (id: string) => t.platform.services.db.selectFrom('users').select(['notify_email', 'notify_sms']).where('id', '=', id).executeTakeFirstOrThrow();

  it('offers email and text message as a checkbox group with a legend', async () => {
    const { client } = await signedInResident(t);
    const res = await client.get('/account/notifications');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">\s*<h1 class="govuk-fieldset__heading">\s*How we send you updates/);
    assert.match(res.body, /name="channels" type="checkbox" value="email" checked/);
    assert.match(res.body, /name="channels" type="checkbox" value="sms"(?! checked)/);
    assert.match(visibleText(res.body), /You need to add a mobile phone number to your profile first/);
  });

  it('will not send text messages without a mobile number in the profile', async () => {
    const { client, userId } = await signedInResident(t);
    await t.platform.services.db.updateTable('users').set({ phone: '+441632960001' }).where('id', '=', userId).execute();
    await client.get('/account/notifications');
    const res = await client.post('/account/notifications', { channels: ['email', 'sms'] });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body), ['Add a mobile phone number to your profile to get text messages']);
    assert.match(res.body, /<a href="\/account\/profile#phone">Add a mobile phone number/);
    assert.equal(fieldError(res.body, 'channels'), 'Add a mobile phone number to your profile to get text messages');
    assert.match(res.body, /value="sms" checked/, 'the choice is kept');
    assert.deepEqual(await preferences(userId), { notify_email: true, notify_sms: false });
  });

  it('saves email and text message choices', async () => {
    const { client, userId } = await signedInResident(t);
    await t.platform.services.db.updateTable('users').set({ phone: '+447700900982' }).where('id', '=', userId).execute();
    await client.get('/account/notifications');
    let res = await client.post('/account/notifications', { channels: 'sms' });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await preferences(userId), { notify_email: false, notify_sms: true });
    const dashboard = visibleText((await client.get('/account')).body);
    assert.match(dashboard, /Your notification preferences have been saved/);
    assert.match(dashboard, /We send you updates by text message/);

    await client.get('/account/notifications');
    res = await client.post('/account/notifications', {});
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await preferences(userId), { notify_email: false, notify_sms: false });
    assert.match(visibleText((await client.get('/account')).body), /We do not send you updates/);
  });
});
