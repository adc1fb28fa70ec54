import assert from 'node:assert/strict';
import http from 'node:http';
import Provider from 'oidc-provider';

export interface TestIdentityProvider {
  issuer: string;
  /** The people the provider knows, by subject: set their email claims per test. */
  people: Map<string, { email?: string; email_verified?: boolean }>;
  close(): Promise<void>;
}

export const CLIENT_ID = 'lastmile-test';
export const CLIENT_SECRET = 'a-client-secret-long-enough-for-hs256-and-then-some';

/**
 * A real OpenID Provider (node-oidc-provider) on a free loopback port, with its development
 * login and consent pages: any login name is accepted and becomes the subject.
 */
export async function startIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const people = new Map<string, { email?: string; email_verified?: boolean }>();
  let handle: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  const issuer = `http://127.0.0.1:${address.port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email'],
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-signing-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const callback = provider.callback();
  handle = (req, res) => void callback(req, res);
  return {
    issuer,
    people,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Plays the person's browser at the provider: follows its redirects, submits its login form
 * (as `login`) and its consent form, and stops at the redirect back to the app.
 */
export async function loginAtProvider(authorisationUrl: string, redirectUri: string, login: string, choice: 'continue' | 'abort' = 'continue'): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let next: { url: string; form?: URLSearchParams } = { url: authorisationUrl };
  for (let hop = 0; hop < 20; hop++) {
    if (next.url.startsWith(redirectUri)) return next.url;
    const res = await fetch(next.url, {
      method: next.form ? 'POST' : 'GET',
      body: next.form,
      redirect: 'manual',
      headers: { cookie: cookie(), ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    keep(res);
    const location = res.headers.get('location');
    if (location) {
      next = { url: new URL(location, next.url).href };
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, `provider page ${next.url}: ${html.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    assert.ok(action && prompt, `a login or consent form at ${next.url}`);
    if (choice === 'abort') {
      next = { url: new URL(`${action}/abort`, next.url).href };
      continue;
    }
    next = { url: new URL(action, next.url).href, form: new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt }) };
  }
  assert.fail('the provider never redirected back to the app');
}
