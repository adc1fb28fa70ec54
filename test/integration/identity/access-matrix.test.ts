import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { TestClient } from '../../support/client.ts';
import type { Access, RouteAccess } from '../../../src/platform/identity/policy.ts';
import { PASSWORD, signIn } from './support/identity.ts';

interface Identity {
  label: string;
  email?: string;
  roles: string[];
  permissions: Set<string>;
  client: TestClient;
  /** A CSRF token for this browser's session, fetched when needed. */
  csrf?: string;
}

function allowed(access: Access, who: Identity): boolean {
  if (access === 'public') return true;
  if (!who.email) return false;
  if (access === 'user') return true;
  return who.permissions.has(access.permission);
}

/** The routes identity registers: each must declare who may use it. */
const IDENTITY_ROUTES = [
  'GET /sign-up', 'POST /sign-up', 'GET /sign-up/check-email', 'GET /verify-email',
  'GET /sign-in', 'POST /sign-in', 'GET /sign-out', 'POST /sign-out',
  'GET /forgotten-password', 'POST /forgotten-password', 'GET /reset-password', 'POST /reset-password',
  'GET /account/change-email', 'POST /account/change-email', 'GET /account/change-email/confirm',
  'GET /account/change-password', 'POST /account/change-password',
  'GET /sign-in/oidc', 'GET /sign-in/oidc/callback',
  'GET /account/two-factor/set-up', 'POST /account/two-factor/set-up', 'GET /sign-in/two-factor', 'POST /sign-in/two-factor',
  'GET /staff', 'GET /admin/users', 'POST /admin/users', 'GET /admin/users/:id', 'POST /admin/users/:id', 'POST /admin/users/:id/two-factor/reset',
];

describe('who may use each route: every role against every route that declares access', () => {
  let t: TestPlatform;
  let routes: RouteAccess[];
  let identities: Identity[];
  let subjectId: string;

  before(async () => {
    // Second factors are tested on their own; here they would only stand between staff and the pages.
    t = await createTestPlatform({ STAFF_2FA: 'optional' });
    // As `serve` does: admin pages read pg-boss's tables, which start() creates.
    await t.platform.services.jobs.start();
    routes = t.app.routeAccess;
    const { accounts } = t.platform.services;
    subjectId = await accounts.createVerifiedUser({ email: 'subject@example.com', password: PASSWORD }, { userId: null });
    const roles = await accounts.roles();
    identities = [
      { label: 'anonymous', roles: [], permissions: new Set(), client: new TestClient(t.app) },
      { label: 'resident', email: 'resident@example.com', roles: [], permissions: new Set(), client: new TestClient(t.app) },
      ...roles.map((r) => ({ label: r.name, email: `${r.name}@example.com`, roles: [r.name], permissions: new Set(r.permissions), client: new TestClient(t.app) })),
    ];
    for (const who of identities) if (who.email) await accounts.createVerifiedUser({ email: who.email, password: PASSWORD, roles: who.roles }, { userId: null });
    for (const who of identities) if (who.email) assert.equal((await signIn(who.client, who.email)).statusCode, 303, who.label);
  });
  after(async () => t.close());

  /** Signs the identity in again if a route (sign-out, account deletion) ended its session or account. */
  async function stillSignedIn(who: Identity): Promise<void> {
    if (!who.email) {
      who.csrf = undefined;
      return;
    }
    if ((await who.client.get('/sign-out')).statusCode === 200) return;
    who.csrf = undefined;
    const { accounts } = t.platform.services;
    if (!(await accounts.findByEmail(who.email))) await accounts.createVerifiedUser({ email: who.email, password: PASSWORD, roles: who.roles }, { userId: null });
    assert.equal((await signIn(who.client, who.email)).statusCode, 303, `${who.label} signs in again`);
  }

  async function request(who: Identity, route: RouteAccess): Promise<LightMyRequestResponse> {
    const url = route.url.replace(/:\w+/g, subjectId);
    if (route.method === 'GET') return who.client.get(url);
    // A page with a form gives this browser a CSRF token, so the policy is what decides.
    if (!who.csrf) {
      await who.client.get('/forgotten-password');
      who.csrf = who.client.csrfToken();
    }
    const res = await who.client.post(url, { _csrf: who.csrf ?? '' });
    await stillSignedIn(who);
    return res;
  }

  it('collects every route that declares access, including all of identity’s', () => {
    const declared = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const route of IDENTITY_ROUTES) assert.ok(declared.has(route), `${route} declares access`);
    for (const r of routes.filter((x) => x.url.startsWith('/admin') || x.url.startsWith('/staff'))) {
      assert.equal(typeof r.access, 'object', `${r.method} ${r.url} needs a permission`);
    }
  });

  it('has data for the matrix: a resident, anonymous, and one person per role', () => {
    assert.ok(identities.length >= 10);
    const admin = identities.find((i) => i.label === 'admin');
    const editor = identities.find((i) => i.label === 'editor');
    assert.ok(admin?.permissions.has('admin.users'));
    assert.ok(editor?.permissions.has('staff.home'));
    assert.equal(editor?.permissions.has('admin.users'), false);
  });

  it('allows and refuses each identity exactly as its roles say', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      for (const who of identities) {
        const res = await request(who, route);
        const where = `${who.label} ${route.method} ${route.url} → ${res.statusCode} ${String(res.headers.location ?? '')}`;
        const toSignIn = res.statusCode === 302 && res.headers.location === '/sign-in';
        if (res.statusCode >= 500) problems.push(`${where}: server error`);
        else if (allowed(route.access, who)) {
          if (toSignIn || res.statusCode === 403) problems.push(`${where}: should be allowed`);
        } else if (who.email ? res.statusCode !== 403 : !toSignIn) {
          problems.push(`${where}: should be refused`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('spells out the important cells', async () => {
    const byLabel = (label: string) => identities.find((i) => i.label === label);
    const cell = async (label: string, url: string) => {
      const who = byLabel(label);
      assert.ok(who);
      await stillSignedIn(who);
      return (await who.client.get(url)).statusCode;
    };
    assert.equal(await cell('anonymous', '/staff'), 302);
    assert.equal(await cell('resident', '/staff'), 403);
    assert.equal(await cell('editor', '/staff'), 200);
    assert.equal(await cell('editor', '/admin/users'), 403);
    assert.equal(await cell('case_worker', '/admin/users'), 403);
    assert.equal(await cell('admin', '/admin/users'), 200);
    assert.equal(await cell('resident', '/account/change-password'), 200);
  });
});
