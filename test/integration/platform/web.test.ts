import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { TestClient } from '../../support/client.ts';
import type { LastmileModule } from '../../../src/platform/module.ts';

const echo: LastmileModule = {
  name: 'test.echo',
  async routes(app) {
    app.post('/test/form', async () => ({ stored: true }));
    app.get('/test/token', async (_request, reply) => reply.type('text/html').send(`<input type="hidden" name="_csrf" value="${reply.generateCsrf()}">`));
  },
};

describe('the web layer refuses bad input without a 5xx', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({}, { modules: [echo] });
  });
  after(async () => t.close());

  it('refuses a POST without a CSRF token with a GOV.UK page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/form', payload: 'email=a%40b.com&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Your form could not be sent/);
  });

  it('accepts the same POST with the token from the session', async () => {
    const client = new TestClient(t.app);
    // Any page with a form gives a token; the 404 page does not, so use the platform's own.
    await client.get('/test/token');
    const res = await client.post('/test/form', { a: '1' });
    assert.equal(res.statusCode, 200);
    const forged = await client.post('/test/form', { a: '1', _csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
  });

  it('refuses an oversized body with 413 and a plain page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/form', payload: `email=${'a'.repeat(1_100_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /What you sent is too large/);
  });

  it('refuses an unknown content type with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/form', payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    assert.equal(res.statusCode, 415);
  });

  it('refuses malformed JSON on an API with a 400 JSON body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/anything', payload: '{"a":', headers: { 'content-type': 'application/json', accept: 'application/json' } });
    assert.ok(res.statusCode === 400 || res.statusCode === 404, `got ${res.statusCode}`);
    assert.doesNotThrow(() => res.json());
  });
});

const failing: LastmileModule = {
  name: 'test.failing',
  async routes(app) {
    app.get('/test/fails', async () => {
      throw new Error('secret internal detail');
    });
  },
};

describe('unexpected errors', () => {
  for (const env of ['production', 'development'] as const) {
    it(`show "Sorry, there is a problem with the service"${env === 'production' ? ' with no stack trace in production' : ' and the stack in development'}`, async () => {
      const t = await createTestPlatform({ NODE_ENV: env, SESSION_SECRET: 'x'.repeat(40) }, { modules: [failing] });
      try {
        const res = await t.app.inject('/test/fails');
        assert.equal(res.statusCode, 500);
        assert.match(res.body, /Sorry, there is a problem with the service/);
        assert.match(res.body, new RegExp(String(res.headers['x-request-id'])));
        if (env === 'production') assert.doesNotMatch(res.body, /secret internal detail|at .*\.ts/);
        else assert.match(res.body, /secret internal detail/);
      } finally {
        await t.close();
      }
    });
  }
});
