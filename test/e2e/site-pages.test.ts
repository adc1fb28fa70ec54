/**
 * The website in a browser, JavaScript off and on: one live page of every content type from the demo borough (and a
 * guide's later section, a topic, the A–Z, news, events, search with a typo), with alert banners of each severity
 * showing; then the editors' pages for every content type. Each page has one h1 and passes axe-core.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, expectNoAxeViolations } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { signIn, Site } from './pages/site.ts';
import { CONTENT_TYPES, site as siteOf } from '../../src/modules/site/index.ts';
import { seedSiteDemo } from '../../src/modules/site/demo/seed.ts';
import { putPublished } from '../../src/modules/site/published.ts';

const PASSWORD = 'a perfectly ordinary passphrase';
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const pages: { label: string; path: string }[] = [];
const editable: { type: string; id: string }[] = [];

before(async () => {
  server = await startTestServer({ STAFF_2FA: 'optional' });
  const { services } = server.platform;
  const website = siteOf(services);
  await seedSiteDemo(website, () => undefined);
  for (const type of CONTENT_TYPES) {
    const [first] = await website.published.byType(type);
    assert.ok(first, `the demo has a live ${type}`);
    editable.push({ type, id: first.id });
    if (first.document.path) pages.push({ label: type, path: first.document.path });
    if (first.document.type === 'guide' && first.document.fields.sections[1]) pages.push({ label: 'guide section', path: `${first.document.path}/${first.document.fields.sections[1].slug}` });
  }
  // Banners of every severity on every page, whatever the date: the demo's own alerts are seasonal.
  for (const severity of ['information', 'important', 'emergency'] as const) {
    await putPublished(services.db, {
      id: crypto.randomUUID(),
      version: 1,
      document: {
        type: 'alert',
        path: null,
        title: `A ${severity} alert`,
        summary: 'Shown on every page',
        topicIds: [],
        lgaServiceCodes: [],
        fields: { severity, showFrom: null, showUntil: null, message: [{ type: 'paragraph', content: [{ type: 'text', text: `Something ${severity} is happening. ` }, { type: 'link', text: 'Read more', href: '/news' }] }] },
      },
    });
  }
  pages.push({ label: 'A to Z', path: '/a-z' }, { label: 'news', path: '/news' }, { label: 'events', path: '/events' });
  pages.push({ label: 'search', path: '/search?q=bins' }, { label: 'search with a typo', path: '/search?q=strretlight' }, { label: 'search, nothing found', path: '/search?q=zzqqxx' });
  await services.accounts.createVerifiedUser({ email: 'editor@example.com', password: PASSWORD, roles: ['editor', 'publisher'] }, { userId: null });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function check(page: Page, label: string): Promise<void> {
  const h1s = await page.locator('h1').count();
  assert.equal(h1s, 1, `${label}: one h1 (found ${h1s}) at ${page.url()}`);
  await expectNoAxeViolations(page);
}

describe('the website', () => {
  for (const javaScript of [false, true]) {
    it(`shows every content type, with alert banners, passing axe-core, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const context = await newContext(browser, server.baseURL, javaScript);
      const page = await context.newPage();
      for (const { label, path } of pages) {
        const response = await page.goto(path);
        assert.equal(response?.status(), 200, `${label} at ${path}`);
        await check(page, label);
      }
      await page.goto('/search?q=strretlight');
      assert.ok(await page.getByRole('link', { name: 'Report a streetlight fault' }).count(), 'the typo still finds the streetlight page');
      await context.close();
    });

    it(`gives editors a page for every content type, passing axe-core, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const context = await newContext(browser, server.baseURL, javaScript);
      const site = new Site(await context.newPage());
      await site.goto('/sign-in', 'Sign in');
      await signIn(site, 'editor@example.com', PASSWORD);
      await site.page.waitForURL((url) => url.pathname !== '/sign-in');
      const { page } = site;
      for (const { type, id } of editable) {
        for (const path of [`/staff/site/new/${type}`, `/staff/site/content/${id}`, `/staff/site/content/${id}/edit`, `/staff/site/content/${id}/history`]) {
          const response = await page.goto(path);
          assert.equal(response?.status(), 200, path);
          await check(page, `${type} ${path}`);
        }
      }
      // A change, its preview and the compare page with its added and removed words.
      const guide = editable.find((e) => e.type === 'guide');
      assert.ok(guide);
      await page.goto(`/staff/site/content/${guide.id}/edit`);
      await page.getByLabel('Summary', { exact: true }).fill('A changed summary for the compare page');
      await site.press('Save draft');
      await page.goto(`/staff/site/content/${guide.id}/preview`);
      await check(page, 'preview');
      await page.goto(`/staff/site/content/${guide.id}/history`);
      await check(page, 'history after a change');
      await page.goto(`/staff/site/content/${guide.id}/compare`);
      await check(page, 'compare');
      await context.close();
    });
  }
});
