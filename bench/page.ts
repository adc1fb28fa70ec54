/**
 * A rendered GOV.UK page served by the full app (layout, session lookup, signed-in user),
 * against bare Fastify serving the same bytes, in the same run.
 * Run: npm run bench:page   (SECONDS=10 CONNECTIONS=10 to change the load)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cookiesOf, csrfFrom, freshDir, load, root, startLastmile, startNode } from './lib.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);
const dataDir = freshDir('page');
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54450' };

const email = 'bench@example.com';
const password = 'a long bench password';
execFileSync(process.execPath, [path.join(root, 'bin/lastmile.js'), 'user', 'create', '--email', email, '--password', password], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: 'ignore' });

const app = await startLastmile(env, 3301);
let cookie = '';
try {
  const signInPage = await fetch(`${app.url}/sign-in`);
  cookie = cookiesOf(signInPage);
  const form = new URLSearchParams({ _csrf: csrfFrom(await signInPage.text()), email, password });
  const signedIn = await fetch(`${app.url}/sign-in`, { method: 'POST', body: form, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  cookie = cookiesOf(signedIn) || cookie;
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}`);

  const page = await fetch(`${app.url}/`, { headers: { cookie } });
  const html = await page.text();
  if (!html.includes(email)) throw new Error('the page is not the signed-in home page');
  const bytesFile = path.join(dataDir, 'page.html');
  writeFileSync(bytesFile, html);

  await load(`${app.url}/`, { connections, seconds: 2, headers: { cookie } }); // warm up
  const full = await load(`${app.url}/`, { connections, seconds, headers: { cookie } });
  await app.stop();

  const bare = await startNode(path.join(root, 'bench/bare-server.ts'), [bytesFile], 3302);
  await load(`${bare.url}/`, { connections, seconds: 2 });
  const baseline = await load(`${bare.url}/`, { connections, seconds });
  await bare.stop();

  const ratio = full.requestsPerSecond / baseline.requestsPerSecond;
  console.log(`Rendered page (${html.length} bytes), ${connections} connections, ${seconds} s each`);
  console.log(`  full app:     ${full.requestsPerSecond.toFixed(0)} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms, errors ${full.errors}, non-2xx ${full.non2xx}`);
  console.log(`  bare Fastify: ${baseline.requestsPerSecond.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
  console.log(`  ratio:        ${ratio.toFixed(2)} (goal ≥ 0.5)`);
} finally {
  await app.stop();
}
