import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { signedInResident, visibleText } from './support.ts';

describe('the My Account dashboard', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'optional' });
  });
  after(async () => t.close());

  it('shows the person their account, their details card and what they can do', async () => {
    const { client, email } = await signedInResident(t, { name: 'Ada Lovelace' });
    const res = await client.get('/account');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-xl">Your account<\/h1>/);
    const text = visibleText(res.body);
    assert.match(text, new RegExp(`You are signed in as ${email.replace(/[.]/g, '\\.')}`));
    assert.match(text, /Your details Change your details \(Your details\) Ada Lovelace No telephone number given No address given We send you updates by email/);
    for (const href of ['/account/profile', '/account/profile/address', '/account/notifications', '/account/change-email', '/account/change-password', '/account/download', '/account/delete']) {
      assert.match(res.body, new RegExp(`href="${href}"`), href);
    }
    assert.match(res.body, /<form method="post" action="\/sign-out"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
    assert.match(text, /Sign out/);
    assert.doesNotMatch(res.body, /href="\/staff"/);
    assert.doesNotMatch(text, /Check your email for a link to confirm your address/);
  });

  it('asks a person who has not confirmed their email address to check their email', async () => {
    const { client, userId } = await signedInResident(t);
    await t.platform.services.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const text = visibleText((await client.get('/account')).body);
    assert.match(text, /Check your email for a link to confirm your address/);
  });

  it('shows staff the way to the staff pages', async () => {
    const { client } = await signedInResident(t, { roles: ['editor'] });
    const res = await client.get('/account');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a class="govuk-link" href="\/staff">Go to staff pages<\/a>/);
  });

  it('shows cards other modules add through the registry, and survives one that fails', async () => {
    const registry = t.platform.services.personalData;
    registry.addCard({
      id: 'street-reports',
      async card(userId) {
        return {
          title: 'Your reports',
          items: [{ text: `Pothole on Mersey Road for ${userId.slice(0, 4)}`, href: '/reports/1', status: 'In progress' }],
          link: { href: '/reports', text: 'See all your reports' },
        };
      },
    });
    registry.addCard({
      id: 'form-submissions',
      async card() {
        throw new Error('the forms database is down');
      },
    });
    registry.addCard({ id: 'saved-services', card: async () => null });
    registry.addCard({ id: 'bins', card: async () => ({ title: 'Your bin collections', items: [], emptyText: 'You have not added a bin collection.' }) });

    const { client, userId } = await signedInResident(t);
    const res = await client.get('/account');
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    assert.match(text, new RegExp(`Your reports See all your reports \\(Your reports\\) Pothole on Mersey Road for ${userId.slice(0, 4)} In progress`));
    assert.match(res.body, /<a class="govuk-link" href="\/reports\/1">/);
    assert.match(text, /Form submissions We cannot show your form submissions right now/);
    assert.match(text, /Your bin collections You have not added a bin collection\./);
    assert.doesNotMatch(res.body, /data-card="saved-services"/);
    // The account's own card is still there, first, as the account module registered it first.
    assert.ok(text.indexOf('Your details') < text.indexOf('Your reports'));
  });
});
