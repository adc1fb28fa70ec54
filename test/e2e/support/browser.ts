import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled, acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page, evaluated through the DevTools protocol so our strict CSP does not
 * block it. axe needs timers, which a page with JavaScript off does not run: then the page's
 * HTML, scripts removed, is checked in a JavaScript-enabled page at the same address.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const context = page.context();
  // GOV.UK Frontend's inline script marks the body `js-enabled`; with JavaScript off it never ran.
  const jsOff = !(await page.evaluate(() => document.body.classList.contains('js-enabled')));
  if (!jsOff) return runAxe(page);
  const browser = context.browser();
  if (!browser) throw new Error('no browser for the axe check');
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const checker = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await checker.newPage();
    await copy.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await copy.goto(url);
    await runAxe(copy, url);
  } finally {
    await checker.close();
  }
}

async function runAxe(page: Page, label = page.url()): Promise<void> {
  const violations: AxeViolation[] = await page.evaluate(async (source: string) => {
    const holder: { axe?: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } } = {};
    new Function('window', 'module', `${source}; window.__axe = window.axe || module.exports;`).call(window, window, { exports: {} });
    holder.axe = (window as unknown as { __axe: typeof holder.axe }).__axe;
    if (!holder.axe) throw new Error('axe-core did not load');
    const result = await holder.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, axeSource);
  assert.deepEqual(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe-core found accessibility violations on ${label}`,
  );
}
