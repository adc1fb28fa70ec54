import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { seedDemoGazetteer } from '../../src/platform/geo/demo.ts';
import { generateDemoAssets, saveAssets } from '../../src/modules/reports/demo/assets.ts';
import { reportsDb } from '../../src/modules/reports/tables.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { Site } from './pages/site.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** One report with JavaScript off and one with it on, from choosing the problem to tracking it; axe-core on every page. */
describe('Report it in a browser', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    await server.platform.services.jobs.start();
    const { services } = server.platform;
    await seedDemoGazetteer(services, () => undefined);
    const streets = await services.db.selectFrom('gazetteer_streets').select(['usrn', 'responsibility', 'geometry']).execute();
    await services.db.transaction().execute((trx) => saveAssets(trx, generateDemoAssets(streets)));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const db = () => reportsDb(server.platform.services.db);

  async function aboutYouToTracking(site: Site): Promise<string> {
    await site.arrive('About you');
    await site.page.getByLabel('Your name').fill('Ada Lovelace');
    await site.page.getByLabel('Email address').fill('ada@example.com');
    await site.press('Continue');
    await site.arrive('Check your answers before sending your report');
    await site.press('Send report');
    await site.arrive('Report sent');
    const reference = (await site.page.locator('.govuk-panel strong').textContent())?.trim() ?? '';
    await site.follow('Track your report');
    await site.arrive(/Streetlight fault|Pothole/);
    return reference;
  }

  it('with JavaScript off: a streetlight by its number, with a missing answer on the way', async () => {
    const light = await db().selectFrom('street_assets').select('id').where('layer', '=', 'streetlights').where('status', '=', 'ok').orderBy('id').offset(2).executeTakeFirstOrThrow();
    const context = await newContext(browser, server.baseURL, false);
    const site = new Site(await context.newPage());
    await site.goto('/report', 'What do you want to report?');
    await site.press('Continue');
    assert.deepEqual(await site.errorSummary(), ['Select what the problem is']);
    await site.page.getByLabel('Streetlight fault').check();
    await site.press('Continue');
    await site.arrive('Where is the problem?');
    assert.equal(await site.page.locator('#report-map').isVisible(), false, 'no map without JavaScript');
    await site.page.getByLabel('Number on the lamp post').fill(light.id);
    await site.press('Continue');
    await site.arrive('Tell us about the problem');
    await site.press('Continue');
    assert.deepEqual(await site.errorSummary(), ['Select what is wrong with the light', 'Describe the problem']);
    await site.page.getByLabel('It is not working').check();
    await site.page.getByLabel('Describe the problem').fill('Dark for three nights');
    await site.press('Continue');
    await site.arrive('Add photos of the problem (optional)');
    await site.press('Continue');
    const reference = await aboutYouToTracking(site);
    assert.match(reference, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.match(await site.page.content(), /Add information to your report/);
    await context.close();
  });

  it('with JavaScript on: the map appears, and a pothole is found by searching for its street', async () => {
    const street = await server.platform.services.db.selectFrom('gazetteer_streets').select(['usrn', 'name']).where('responsibility', '=', 'council').orderBy('usrn').offset(11).executeTakeFirstOrThrow();
    const context = await newContext(browser, server.baseURL, true);
    // No tiles from the internet in tests: the map works without them.
    await context.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204, body: '' }));
    const site = new Site(await context.newPage());
    await site.goto('/report', 'What do you want to report?');
    await site.page.getByLabel('Pothole').check();
    await site.press('Continue');
    await site.arrive('Where is the problem?');
    await site.page.locator('#report-map.leaflet-container').waitFor();
    await site.page.getByLabel('Search for a street or postcode').fill(street.name);
    await site.press('Search');
    await site.arrive('Where is the problem?');
    await site.page.locator(`input[value="street:${street.usrn}"]`).check();
    await site.page.getByLabel('Describe exactly where the problem is').fill('Outside the school gates');
    await site.press('Continue');
    await site.page.getByRole('heading', { level: 1 }).waitFor();
    if ((await site.page.getByRole('heading', { level: 1 }).textContent())?.includes('already been reported')) {
      await site.arrive('Has your problem already been reported?');
      await site.follow('My problem is not listed');
    }
    await site.arrive('Tell us about the problem');
    await site.page.getByLabel('On the road').check();
    await site.page.getByLabel('Bigger than a dustbin lid').check();
    await site.page.getByLabel('4cm or more').check();
    await site.page.getByLabel('Describe the problem').fill('A wheel went in it');
    await site.press('Continue');
    await site.arrive('Add photos of the problem (optional)');
    await site.press('Continue');
    await aboutYouToTracking(site);
    await context.close();
  });
});
