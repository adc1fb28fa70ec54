/**
 * Crash test: sign-ups under load, then `kill -9` of the server and of PostgreSQL itself,
 * restart, and compare what was acknowledged (a 303 to "check your email") with what is stored.
 * Each acknowledged sign-up must have its account and its verification email (written in the
 * same transaction). Run: npm run bench:crash   (SECONDS=3 WORKERS=8)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { cookiesOf, csrfFrom, freshDir, killUnderLoad, startLastmile } from './lib.ts';

const seconds = Number(process.env.SECONDS ?? 3);
const workers = Number(process.env.WORKERS ?? 8);
const dataDir = freshDir('crash');
const pgPort = 54460;
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), TRUST_PROXY: 'true' };

const server = await startLastmile(env, 3311);
const acknowledged: string[] = [];
let sent = 0;
let failed = 0;
let running = true;

async function worker(n: number): Promise<void> {
  const page = await fetch(`${server.url}/sign-up`);
  const cookie = cookiesOf(page);
  const csrf = csrfFrom(await page.text());
  for (let i = 0; running; i++) {
    const email = `crash-${n}-${i}@example.com`;
    sent += 1;
    try {
      const res = await fetch(`${server.url}/sign-up`, {
        method: 'POST',
        redirect: 'manual',
        // Each sign-up comes from its own address, as residents behind the council's load balancer do.
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.${n}.${i % 250}` },
        body: new URLSearchParams({ _csrf: csrf, email, password: 'correct horse battery staple' }),
      });
      if (res.status === 303) acknowledged.push(email);
      else failed += 1;
    } catch {
      failed += 1; // the connection died with the server: not acknowledged
      return;
    }
  }
}

const load = Array.from({ length: workers }, (_, n) => worker(n));
const postmasterPid = await killUnderLoad({ server, dataDir, seconds, load, stopLoad: () => (running = false) });
console.log(`Killed the server and PostgreSQL (pid ${postmasterPid}) with SIGKILL after ${seconds} s: ${sent} sign-ups sent, ${acknowledged.length} acknowledged, ${failed} not acknowledged`);

const restarted = await startLastmile(env, 3311);
try {
  const password = readFileSync(path.join(dataDir, '.pg-password'), 'utf8').trim();
  const client = new pg.Client({ connectionString: `postgres://lastmile:${encodeURIComponent(password)}@localhost:${pgPort}/lastmile` });
  await client.connect();
  const users = await client.query<{ email: string }>(`select email from users where email like 'crash-%'`);
  const mails = await client.query<{ recipient: string }>(`select recipient from notify_messages where recipient like 'crash-%'`);
  await client.end();
  const stored = new Set(users.rows.map((r) => r.email));
  const mailed = new Set(mails.rows.map((r) => r.recipient));
  const lost = acknowledged.filter((e) => !stored.has(e));
  const withoutEmail = acknowledged.filter((e) => !mailed.has(e));
  console.log(`After restart: ${stored.size} accounts stored (${stored.size - acknowledged.length + lost.length} committed but not acknowledged before the kill)`);
  console.log(`Acknowledged but lost: ${lost.length}`);
  console.log(`Acknowledged without their verification email: ${withoutEmail.length}`);
  if (lost.length || withoutEmail.length) process.exitCode = 1;
} finally {
  await restarted.stop();
}
