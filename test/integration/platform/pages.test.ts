import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

describe('the platform web layer', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  it('serves the home page in the GOV.UK layout with a strict CSP', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Stockport Council online services/);
    assert.match(res.body, /href="\/accessibility"/);
    assert.match(res.body, /href="\/cookies"/);
    assert.match(res.body, /href="\/privacy"/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    // The home page is shared by every anonymous visitor (the site's page cache), so its inline script is allowed by hash.
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /nonce-/);
    assert.ok(res.headers['x-request-id']);
  });

  it('gives a page rendered for one visitor a fresh CSP nonce on its inline script', async () => {
    const res = await t.app.inject('/sign-in');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'script-src carries a nonce');
    assert.ok(res.body.includes(`<script nonce="${nonce}">`), 'the inline script carries the same nonce');
    const again = await t.app.inject('/sign-in');
    assert.notEqual(/'nonce-([^']+)'/.exec(String(again.headers['content-security-policy']))?.[1], nonce);
  });

  it('answers unknown pages with the GOV.UK 404 page', async () => {
    const res = await t.app.inject('/no-such-page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
  });

  it('serves the cookies, privacy and accessibility pages', async () => {
    for (const [url, heading] of [['/cookies', 'Cookies'], ['/privacy', 'Privacy notice'], ['/accessibility', 'Accessibility statement']]) {
      const res = await t.app.inject(url ?? '/');
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, new RegExp(`<h1 class="govuk-heading-xl">${heading}</h1>`));
    }
  });

  it('reports liveness, readiness and Prometheus metrics', async () => {
    assert.equal((await t.app.inject('/health/live')).statusCode, 200);
    const ready = await t.app.inject('/health/ready');
    assert.deepEqual(ready.json(), { status: 'ok', database: 'ok' });
    const metrics = await t.app.inject('/metrics');
    assert.match(metrics.body, /http_request_duration_seconds_bucket/);
  });
});
