import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { Site, linkFromOutbox, signIn, signUp } from './pages/site.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

for (const javaScript of [true, false]) {
  describe(`a resident's first visit, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    let server: Server;
    let browser: Browser;
    before(async () => {
      server = await startTestServer();
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('signs up, confirms the email from the outbox, signs in, downloads their data and signs out', async () => {
      const context = await newContext(browser, server.baseURL, javaScript);
      const site = new Site(await context.newPage());
      const email = `resident-${javaScript ? 'js' : 'nojs'}@example.com`;
      const password = 'marmalade sandwich on the 192 bus';

      await site.goto('/', /online services/);
      await signUp(site, email, password);

      const link = await linkFromOutbox(site, email);
      assert.match(link, /^\/verify-email\?token=/);
      await site.page.goto(link);
      await site.arrive('Sign in');
      await signIn(site, email, password);
      await site.arrive('Your account');
      assert.ok(await site.page.getByText(email).first().isVisible());

      const [download] = await Promise.all([site.page.waitForEvent('download'), site.follow(/Download your data/)]);
      const file = await download.path();
      const data = JSON.parse(await readFile(file, 'utf8'));
      assert.equal(data.account.email, email);
      assert.equal(JSON.stringify(data).includes('argon2'), false, 'no password hash in the download');

      await site.press('Sign out');
      await site.arrive(/online services/);
      assert.ok(await site.page.getByText('You have signed out').isVisible());
      await site.page.goto('/account');
      await site.arrive('Sign in');
      await context.close();
    });
  });
}
