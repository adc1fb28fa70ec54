import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import { signedInAs } from '../../identity/support/identity.ts';
import { site } from '../../../../src/modules/site/index.ts';
import { siteDb } from '../../../../src/modules/site/tables.ts';
import type { ContentDocumentInput } from '../../../../src/modules/site/contracts.ts';
import { eventually, md, publish, topic } from './support.ts';

const guide = (body: string): ContentDocumentInput => ({
  type: 'guide',
  path: '/council-tax/discounts',
  title: 'Council Tax discounts',
  summary: 'Who can pay less',
  topicIds: [],
  fields: { sections: [{ title: 'Overview', slug: 'overview', body: md(body) }] },
});

describe('the page cache, menus, settings and alerts', () => {
  let t: TestPlatform;
  const guideId = randomUUID();

  before(async () => {
    t = await createTestPlatform();
    await publish(t, guide('You may get 25% off if you live alone.'), guideId);
    // Pages are shared only once the change notifications are heard.
    await site(t.platform.services).pages.listen(t.databaseUrl, t.platform.services.log);
  });
  after(async () => t.close());

  it('gives anonymous visitors a shared page with an ETag, and a 304 when they have it', async () => {
    const first = await t.app.inject('/council-tax/discounts');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['cache-control']), /^public, max-age=\d+$/);
    assert.equal(first.headers.vary, 'Cookie');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);

    const again = await t.app.inject('/council-tax/discounts');
    assert.equal(again.headers.etag, etag);
    assert.equal(again.body, first.body);
    // Answered from the cache before sessions are read, it still carries every security header the first one had.
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy', 'cache-control', 'vary']) {
      assert.equal(again.headers[header], first.headers[header], header);
    }
    assert.ok(again.headers['x-request-id']);
    assert.equal(again.headers['set-cookie'], undefined, 'no session is started for a shared page');
    const revalidated = await t.app.inject({ url: '/council-tax/discounts', headers: { 'if-none-match': etag } });
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
    const stale = await t.app.inject({ url: '/council-tax/discounts', headers: { 'if-none-match': '"something-else"' } });
    assert.equal(stale.statusCode, 200);
  });

  it('allows the shared page\'s inline script by its hash, not by one visitor\'s nonce', async () => {
    const res = await t.app.inject('/council-tax/discounts');
    const csp = String(res.headers['content-security-policy']);
    assert.doesNotMatch(csp, /nonce-/);
    assert.doesNotMatch(res.body, /nonce="[^"]+"/);
    const inline = /<script>([\s\S]*?)<\/script>/.exec(res.body)?.[1];
    assert.ok(inline, 'the GOV.UK template has its inline script');
    const hash = createHash('sha256').update(inline).digest('base64');
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    assert.match(csp, /default-src 'self'/);
  });

  it('shows a published change on the next request, once the notification arrives', async () => {
    await publish(t, guide('From April you may get 30% off.'), guideId, 2);
    await eventually(async () => (await t.app.inject('/council-tax/discounts')).body.includes('30% off'), 'the new version');
  });

  it('never serves people with a session from the shared cache', async () => {
    await t.app.inject('/council-tax/discounts');
    const { client } = await signedInAs(t, 'resident@example.com');
    const res = await client.get('/council-tax/discounts');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'private, no-cache');
    assert.doesNotMatch(res.body, /href="\/sign-in"/, 'their own page: signed in');
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    assert.ok(nonce && res.body.includes(`nonce="${nonce}"`), 'their page carries their own nonce');
    const anonymous = await t.app.inject('/council-tax/discounts');
    assert.match(anonymous.body, /href="\/sign-in"/, 'the shared page is still the signed-out one');
  });

  it('shows the site name, logo and menus from the settings, and the change when they are edited', async () => {
    const db = siteDb(t.platform.services.db);
    await db.insertInto('site_settings').values({ name: 'Stockport Council', logo_url: '/public/logo.svg' }).execute();
    await db.insertInto('site_menu_links').values([
      { menu: 'header', position: 1, text: 'Bins', href: '/bins' },
      { menu: 'footer', position: 1, text: 'Contact us', href: '/contact' },
      { menu: 'footer', position: 2, text: 'Jobs', href: 'https://jobs.example' },
    ]).execute();
    await eventually(async () => (await t.app.inject('/council-tax/discounts')).body.includes('href="/contact">Contact us'), 'the footer menu');
    const res = await t.app.inject('/council-tax/discounts');
    assert.match(res.body, /<img src="\/public\/logo.svg" alt="" class="app-council-header__logo"> Stockport Council<\/a>/);
    assert.match(res.body, /class="govuk-service-navigation__link" href="\/bins"/);
    assert.match(res.body, /class="govuk-footer__link" href="https:\/\/jobs.example">Jobs</);
    assert.doesNotMatch(res.body, /href="\/cookies"/, 'the configured footer replaces the default links');

    await db.updateTable('site_settings').set({ name: 'Stockport Metropolitan Borough Council' }).execute();
    await eventually(async () => (await t.app.inject('/council-tax/discounts')).body.includes('Stockport Metropolitan Borough Council'), 'the new name');
  });

  it('shows alerts only between their start and end, site-wide or on their topic and the topics beneath it', async () => {
    const housing = await publish(t, topic('Housing', '/housing'));
    const repairs = await publish(t, topic('Repairs', '/housing/repairs', housing));
    await publish(t, { type: 'guide', path: '/housing/repairs/damp', title: 'Damp and mould', summary: 'Report damp', topicIds: [repairs], fields: { sections: [{ title: 'Overview', slug: 'overview', body: md('Tell us.') }] } });
    const hour = 3_600_000;
    const at = (ms: number): string => new Date(Date.now() + ms).toISOString();
    const alert = (title: string, severity: 'information' | 'important' | 'emergency', topicIds: string[], showFrom: string | null, showUntil: string | null): ContentDocumentInput => ({
      type: 'alert',
      path: null,
      title,
      summary: title,
      topicIds,
      fields: { message: md(`${title}: details.`), severity, showFrom, showUntil },
    });
    await publish(t, alert('Flooding on the A6', 'emergency', [], at(-hour), at(hour)));
    await publish(t, alert('Offices closed for training', 'important', [], at(hour), null));
    await publish(t, alert('Old news', 'information', [], null, at(-hour)));
    await publish(t, alert('Repairs line is busy', 'information', [housing], null, null));

    await eventually(async () => (await t.app.inject('/housing/repairs/damp')).body.includes('Repairs line is busy'), 'the topic alert');
    const damp = (await t.app.inject('/housing/repairs/damp')).body;
    assert.match(damp, /class="govuk-notification-banner app-alert app-alert--emergency"[\s\S]*?Emergency[\s\S]*?Flooding on the A6/);
    assert.match(damp, /Information\s*<\/h2>[\s\S]*?Repairs line is busy/);
    assert.doesNotMatch(damp, /Offices closed for training|Old news/);

    const elsewhere = (await t.app.inject('/council-tax/discounts')).body;
    assert.match(elsewhere, /Flooding on the A6/);
    assert.doesNotMatch(elsewhere, /Repairs line is busy/);
    assert.match((await t.app.inject('/housing')).body, /Repairs line is busy/, 'on the topic page itself');
  });

  it('stops sharing a page when an alert on it is due to start', async () => {
    const pages = site(t.platform.services).pages;
    const generation = pages.generation;
    const startsSoon = new Date(Date.now() + 1500).toISOString();
    await publish(t, { type: 'alert', path: null, title: 'Bin collections suspended', summary: 'Snow', topicIds: [], fields: { message: md('Because of snow.'), severity: 'important', showFrom: startsSoon, showUntil: null } });
    await eventually(async () => pages.generation > generation, 'the change notification');
    const before = await t.app.inject('/council-tax/discounts');
    assert.doesNotMatch(before.body, /Bin collections suspended/);
    assert.ok(Number(/max-age=(\d+)/.exec(String(before.headers['cache-control']))?.[1]) <= 2, 'browsers keep it no longer than that');
    assert.equal((await t.app.inject('/council-tax/discounts')).headers.etag, before.headers.etag, 'shared until then');
    await new Promise((r) => setTimeout(r, 1600));
    assert.match((await t.app.inject('/council-tax/discounts')).body, /Bin collections suspended/);
  });

  it('closes its listening connection when the platform stops', async () => {
    const other = await createTestPlatform();
    const listeners = async (): Promise<number> => {
      const { rows } = await t.platform.services.pool.query<{ n: string }>("select count(*) as n from pg_stat_activity where application_name = 'lastmile page cache' and datname = $1", [new URL(other.databaseUrl).pathname.slice(1)]);
      return Number(rows[0]?.n);
    };
    await eventually(async () => (await listeners()) === 1, 'the listener to connect');
    await other.app.close();
    await other.platform.stop();
    await eventually(async () => (await listeners()) === 0, 'the listener to close');
    await other.close().catch(() => undefined);
  });
});
