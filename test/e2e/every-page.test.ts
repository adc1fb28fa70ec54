import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { can } from '../../src/platform/identity/policy.ts';
import { launchBrowser, newContext, expectNoAxeViolations } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { Site, signIn } from './pages/site.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORD = 'a perfectly ordinary passphrase';

/** Pages that are not HTML pages to check, or that need a one-time token to mean anything (files by extension are skipped too). */
const SKIP = new Set(['/account/download', '/sign-in/oidc', '/sign-in/oidc/callback']);

/**
 * Every GET page that declares who may see it, visited by a person allowed to see it, with
 * JavaScript on and off: each must pass axe-core. New modules' pages are picked up by themselves.
 */
describe('every page passes axe-core, JavaScript on and off', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startTestServer({ STAFF_2FA: 'optional' });
    await server.platform.services.jobs.start();
    const { accounts } = server.platform.services;
    await accounts.createVerifiedUser({ email: 'resident@example.com', password: PASSWORD, name: 'Rita Resident' }, { userId: null });
    await accounts.createVerifiedUser({ email: 'admin@example.com', password: PASSWORD, roles: ['admin'] }, { userId: null });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const who of ['anonymous', 'resident@example.com', 'admin@example.com']) {
    for (const javaScript of [true, false]) {
      it(`as ${who}, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
        const context = await newContext(browser, server.baseURL, javaScript);
        const site = new Site(await context.newPage());
        const user = who === 'anonymous' ? null : ((await server.platform.services.accounts.findByEmail(who)) ?? null);
        const permissions = new Set(who === 'admin@example.com' ? (await server.platform.services.accounts.roles()).find((r) => r.name === 'admin')?.permissions : []);
        if (who !== 'anonymous') {
          await site.goto('/sign-in', 'Sign in');
          await signIn(site, who, PASSWORD);
          await site.page.waitForURL((url) => url.pathname !== '/sign-in');
        }
        const pages = server.app.routeAccess.filter(
          (r) => r.method === 'GET' && !r.url.includes(':') && !SKIP.has(r.url) && !/\.(csv|json|geojson|atom|xml|css|js)$/.test(r.url) && can(user && { id: user.id, email: user.email, name: null, emailVerified: true, roles: [], permissions, isStaff: permissions.size > 0, totpEnabled: false }, r.access),
        );
        assert.ok(pages.length > 10, `found ${pages.length} pages to visit`);
        const checked: string[] = [];
        for (const route of pages) {
          const response = await site.page.goto(route.url);
          assert.ok(response && response.status() < 500, `${route.url} answered ${response?.status()}`);
          if (!String(response.headers()['content-type']).startsWith('text/html')) continue;
          await expectNoAxeViolations(site.page);
          checked.push(route.url);
        }
        assert.ok(checked.length > 5, `checked ${checked.join(', ')}`);
        await context.close();
      });
    }
  }
});
