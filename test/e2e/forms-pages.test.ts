/**
 * The forms engine's pages in a browser, JavaScript off and on: a whole bulky waste request (with
 * every error state), blue badge branches, save and return, and the street, location and asset
 * finders (from a test-only form in test/fixtures/forms). Each page has one h1 and passes axe-core.
 */
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, expectNoAxeViolations } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { addDays, todayInLondon } from '../../src/modules/forms/validation/dates.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
before(async () => {
  server = await startTestServer({ FORMS_EXTRA_DIR: path.resolve(import.meta.dirname, '../fixtures/forms') });
  await server.platform.services.jobs.start();
  const place = { usrn: 7000001, line2: 'Heaton Mersey', line3: null, town: 'Stockport', postcode: 'SK4 3DA', lon: -2.2, lat: 53.41, ward_code: 'E05000787', lsoa_code: null };
  await server.platform.services.db.insertInto('gazetteer_addresses').values([{ ...place, uprn: 100011001, line1: '2 Mersey Road' }, { ...place, uprn: 100011002, line1: '10 Mersey Road' }]).execute();
  await server.platform.services.db.insertInto('gazetteer_streets').values([{ usrn: 7000001, name: 'Mersey Road', locality: 'Heaton Mersey', town: 'Stockport', ward_code: 'E05000787', responsibility: 'council', geometry: JSON.stringify([[-2.201, 53.41], [-2.199, 53.41]]), lon: -2.2, lat: 53.41 }]).execute();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

async function check(page: Page, label: string) {
  const h1s = await page.locator('h1').count();
  assert.equal(h1s, 1, `${label}: one h1 (found ${h1s}) at ${page.url()}`);
  await expectNoAxeViolations(page);
}
async function submit(page: Page, name = 'Continue') { await page.getByRole('button', { name, exact: true }).click(); }

describe('forms pages', () => {
for (const js of [false, true]) {
  it(`forms pages pass axe, JavaScript ${js ? 'on' : 'off'}`, async () => {
    const context = await newContext(browser, server.baseURL, js);
    const page = await context.newPage();
    const day = addDays(todayInLondon(), 5);
    await page.goto('/forms'); await check(page, 'index');
    await page.goto('/forms/bulky-waste'); await check(page, 'start');
    await page.getByRole('button', { name: 'Start now' }).click(); await check(page, 'item new');
    await submit(page); await check(page, 'item errors');
    await page.getByLabel('Type of item').selectOption('furniture');
    await page.getByLabel('Describe the item').fill('Sofa');
    await page.getByLabel('How many of this item?').fill('2');
    await submit(page); await check(page, 'collection');
    await submit(page); await check(page, 'collection errors');
    await page.getByRole('link', { name: 'Remove item 1' }).click(); await check(page, 'remove');
    await submit(page); await check(page, 'remove errors');
    await page.goto('/forms/bulky-waste/items');
    await page.getByLabel('No').check(); await submit(page); await check(page, 'date');
    await submit(page); await check(page, 'date errors');
    await page.getByLabel('Day').fill(String(Number(day.slice(8)))); await page.getByLabel('Month').fill(String(Number(day.slice(5, 7)))); await page.getByLabel('Year').fill(day.slice(0, 4));
    await submit(page); await check(page, 'address');
    await submit(page); await check(page, 'address errors');
    await page.getByLabel('Postcode').fill('SK4 3DA'); await submit(page, 'Find address'); await check(page, 'address choose');
    await page.getByLabel('Select an address').selectOption('100011001'); await submit(page); await check(page, 'where-left');
    await page.getByLabel('On the driveway').check(); await submit(page); await check(page, 'contact');
    await submit(page); await check(page, 'contact errors');
    await page.getByLabel('Full name').fill('Sam'); await page.getByLabel('Email address').fill('sam@example.org'); await page.getByLabel('Telephone number').fill('07700900982');
    await submit(page); await check(page, 'check answers');
    await submit(page, 'Accept and send'); await check(page, 'check answers errors');
    await page.getByLabel('I confirm the items will be ready and are not trade waste').check();
    await submit(page, 'Accept and send'); await check(page, 'confirmation');

    await page.goto('/forms/blue-badge-eligibility/pip'); await check(page, 'yes-no');
    await page.getByLabel('No').check(); await submit(page); await page.getByLabel('Less than 50 metres').check(); await submit(page); await check(page, 'checkboxes');
    await submit(page); await check(page, 'checkboxes errors');
    await page.getByRole('button', { name: 'Save and come back later' }).click(); await check(page, 'save');
    await page.getByLabel('Email address').fill('x@example.org'); await submit(page, 'Save and send link'); await check(page, 'saved');
    await page.goto('/forms/blue-badge-eligibility/walking-distance'); await page.getByLabel('More than 200 metres').check(); await submit(page); await check(page, 'end page');
    await page.goto('/forms/resume/nonsense-token-value-123456'); await check(page, 'resume invalid');

    await page.goto('/forms/places/street'); await check(page, 'street');
    await submit(page); await check(page, 'street errors');
    await page.getByLabel('Street name').fill('mersey'); await submit(page, 'Search'); await check(page, 'street choose');
    await page.getByLabel('Mersey Road, Heaton Mersey, Stockport').check(); await submit(page); await check(page, 'location');
    await page.getByLabel('Street name').fill('mersey'); await submit(page, 'Search'); await page.getByLabel('Mersey Road, Heaton Mersey, Stockport').check();
    await submit(page); await check(page, 'location errors');
    await page.getByLabel('Where on the street is it?').fill('By the bus stop'); await submit(page); await check(page, 'asset');
    await submit(page); await check(page, 'asset errors');
    await page.getByLabel('Streetlight number').fill('X1'); await submit(page); await check(page, 'asset not found');
    await page.getByLabel('Streetlight number').fill('');
    await page.getByLabel('Street name').fill('mersey'); await submit(page, 'Search'); await check(page, 'asset choose');
    await page.getByLabel('Mersey Road, Heaton Mersey, Stockport').check(); await page.getByLabel('Where on the street is it?').fill('Opposite 4');
    await submit(page); assert.match(page.url(), /\/more$/); await check(page, 'more');
    await submit(page); await check(page, 'more errors');
    await context.close();
  });
}
});
