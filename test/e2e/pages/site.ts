import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/browser.ts';

/**
 * Page objects for the resident journey. Each step checks the page with axe-core as it
 * arrives, and finds things by role and label, as a screen reader user would.
 */
export class Site {
  readonly visited: string[] = [];

  constructor(readonly page: Page) {}

  async arrive(heading: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    this.visited.push(new URL(this.page.url()).pathname);
    await expectNoAxeViolations(this.page);
  }

  async goto(path: string, heading: string | RegExp): Promise<void> {
    await this.page.goto(path);
    await this.arrive(heading);
  }

  async errorSummary(): Promise<string[]> {
    const summary = this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    return (await summary.getByRole('link').allTextContents()).map((t) => t.trim());
  }

  async press(button: string): Promise<void> {
    await Promise.all([this.page.waitForLoadState('load'), this.page.getByRole('button', { name: button, exact: true }).click()]);
  }

  async follow(link: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name: link }).first().click();
  }
}

export async function signUp(site: Site, email: string, password: string): Promise<void> {
  // GOV.UK start buttons are links styled and announced as buttons.
  await site.page.getByRole('button', { name: 'Create an account' }).click();
  await site.arrive('Create an account');
  await site.press('Create account');
  assert.deepEqual(await site.errorSummary(), ['Enter your email address', 'Create a password']);
  await expectNoAxeViolations(site.page);
  await site.page.getByLabel('Email address').fill(email);
  await site.page.getByLabel('Create a password').fill(password);
  await site.press('Create account');
  await site.arrive('Check your email');
}

/** Reads the newest message to `email` in the local outbox and returns the first link in it. */
export async function linkFromOutbox(site: Site, email: string): Promise<string> {
  await site.goto('/dev/outbox', 'Message outbox');
  const message = site.page.locator('.govuk-summary-card').filter({ hasText: email }).first();
  const href = await message.getByRole('link').first().getAttribute('href');
  assert.ok(href, `no link in the message to ${email}`);
  return new URL(href).pathname + new URL(href).search;
}

export async function signIn(site: Site, email: string, password: string): Promise<void> {
  await site.page.getByLabel('Email address').fill(email);
  await site.page.getByLabel('Password', { exact: true }).fill(password);
  await site.press('Sign in');
}
