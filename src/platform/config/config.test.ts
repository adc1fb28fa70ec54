import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { ConfigError, loadConfig } from './index.ts';

const base = { DATA_DIR: os.tmpdir() };

describe('configuration', () => {
  it('has safe local defaults', () => {
    const c = loadConfig({ ...base });
    assert.equal(c.port, 3000);
    assert.equal(c.env, 'development');
    assert.equal(c.staff2fa, 'optional');
    assert.equal(c.demoSeed, true);
    assert.equal(c.baseUrl, 'http://localhost:3000');
    assert.ok(c.sessionSecret.length >= 32);
  });

  it('names the variable when a value is bad', () => {
    assert.throws(() => loadConfig({ ...base, PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
    assert.throws(() => loadConfig({ ...base, PORT: '70000' }), /PORT/);
    assert.throws(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ ...base, STAFF_2FA: 'sometimes' }), /STAFF_2FA/);
    assert.throws(() => loadConfig({ ...base, SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32 characters/);
  });

  it('requires secrets in production and turns on staff 2FA there', () => {
    assert.throws(() => loadConfig({ ...base, NODE_ENV: 'production' }), /SESSION_SECRET: is required in production/);
    const c = loadConfig({ ...base, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    assert.equal(c.staff2fa, 'required');
    assert.equal(c.demoSeed, false);
  });

  it('needs the template id with a Notify key, and a client id with an OIDC issuer', () => {
    assert.throws(() => loadConfig({ ...base, NOTIFY_API_KEY: 'key' }), /NOTIFY_EMAIL_TEMPLATE_ID/);
    assert.throws(() => loadConfig({ ...base, OIDC_ISSUER: 'https://oidc.integration.account.gov.uk/' }), /OIDC_CLIENT_ID/);
    const c = loadConfig({ ...base, OIDC_ISSUER: 'https://oidc.integration.account.gov.uk/', OIDC_CLIENT_ID: 'abc' });
    assert.equal(c.oidc?.clientId, 'abc');
  });

  it('has contractor settings that retry for hours by default and can be made quick for tests', () => {
    assert.deepEqual(loadConfig({ ...base }).contractors, { pollMinutes: 5, retryLimit: 8, retryDelaySeconds: 60, timeoutSeconds: 20 });
    assert.deepEqual(loadConfig({ ...base, CONTRACTOR_POLL_MINUTES: '0', CONTRACTOR_RETRY_DELAY_SECONDS: '1', CONTRACTOR_TIMEOUT_SECONDS: '0.5' }).contractors, { pollMinutes: 0, retryLimit: 8, retryDelaySeconds: 1, timeoutSeconds: 0.5 });
    assert.throws(() => loadConfig({ ...base, CONTRACTOR_POLL_MINUTES: '60' }), /CONTRACTOR_POLL_MINUTES/);
  });

  it('keeps saved form drafts 28 days unless told otherwise, within a year', () => {
    assert.deepEqual(loadConfig({ ...base }).forms, { draftDays: 28, extraDir: undefined });
    assert.equal(loadConfig({ ...base, FORMS_DRAFT_DAYS: '7' }).forms.draftDays, 7);
    assert.throws(() => loadConfig({ ...base, FORMS_DRAFT_DAYS: '0' }), /FORMS_DRAFT_DAYS/);
    assert.match(loadConfig({ ...base, FORMS_EXTRA_DIR: 'bench/forms' }).forms.extraDir ?? '', /\/bench\/forms$/);
  });
});
