import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ContractorRoute } from '../reports/contracts.ts';
import { destination, parseRoute, resolveRoute, routeKey, systemKey } from './routing.ts';

const open311: Extract<ContractorRoute, { type: 'open311' }> = { type: 'open311', endpoint: '$LIGHTS_URL', apiKeyEnv: 'LIGHTS_KEY', serviceCode: 'SL1' };

describe('routes to contractors', () => {
  it('reads an address from the environment variable it names, and is not routed while it is unset', () => {
    assert.equal(destination(open311, {}), undefined);
    assert.equal(destination(open311, { LIGHTS_URL: '  ' }), undefined);
    assert.equal(destination(open311, { LIGHTS_URL: 'https://lights.example/open311/v2' }), 'https://lights.example/open311/v2');
    assert.equal(destination({ type: 'webhook', url: 'https://hooks.example/in', secretEnv: 'S' }, {}), 'https://hooks.example/in');
  });

  it('needs the key or secret to send, and says which setting is missing', () => {
    assert.deepEqual(resolveRoute(open311, { LIGHTS_URL: 'https://lights.example/v2/' }), { ok: false, error: "Set the environment variable LIGHTS_KEY to the contractor's API key" });
    assert.deepEqual(resolveRoute(open311, { LIGHTS_URL: 'https://lights.example/v2/', LIGHTS_KEY: 'k' }), { ok: true, route: { type: 'open311', endpoint: 'https://lights.example/v2', apiKey: 'k', jurisdictionId: undefined, serviceCode: 'SL1' } });
    assert.deepEqual(resolveRoute(open311, { LIGHTS_URL: 'ftp://lights.example', LIGHTS_KEY: 'k' }), { ok: false, error: "The contractor's address is not a web address: ftp://lights.example" });
    assert.deepEqual(resolveRoute({ type: 'webhook', url: 'https://hooks.example/in', secretEnv: 'HOOK_SECRET' }, {}), { ok: false, error: "Set the environment variable HOOK_SECRET to the webhook's signing secret" });
  });

  it('identifies a destination without the names of its secrets', () => {
    assert.equal(routeKey(open311), routeKey({ ...open311, apiKeyEnv: 'ROTATED_KEY' }));
    assert.notEqual(routeKey(open311), routeKey({ ...open311, serviceCode: 'SL2' }));
    assert.equal(systemKey(open311), systemKey({ ...open311, serviceCode: 'SL2' }), 'one system serves several services');
  });

  it('refuses stored values that are not routes', () => {
    assert.equal(parseRoute({ type: 'email', to: 'x@example.org' }), null);
    assert.equal(parseRoute({ type: 'open311', endpoint: 'https://x' }), null);
    assert.deepEqual(parseRoute(open311), open311);
  });
});
