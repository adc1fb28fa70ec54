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
  return browser.newContext({ baseURL, javaScriptEnabled, acceptDownloads: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page. It is evaluated through the DevTools protocol, so it works
 * under our strict CSP and with the page's JavaScript turned off.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
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
    `axe-core found accessibility violations on ${page.url()}`,
  );
}
