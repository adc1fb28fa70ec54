/**
 * GET /open311/v2/requests.xml answering 1,000 requests with 1,000,000 reports in the database:
 * its p95 latency (goal ≤ 100 ms) and its throughput against bare Fastify serving the same bytes,
 * in the same run. The reports are the core's benchmark reports (bench/reports-lib.ts), given the
 * public updates real reports have, so `status_notes` has something to find.
 * Run: npm run bench:open311   (SECONDS=10 CONNECTIONS=4 REPORTS=1000000; FRESH=1 makes the data again)
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type pg from 'pg';
import { root, startLastmile, startNode } from './lib.ts';
import { benchDatabase, generateReports, reportCount } from './reports-lib.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 4);
const wanted = Number(process.env.REPORTS ?? 1_000_000);
const name = 'open311-requests';
const dataDir = path.join(root, '.bench-data', name);
if (process.env.FRESH) rmSync(dataDir, { recursive: true, force: true });

const bench = await benchDatabase(name, 54475);
const { url } = bench;
const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_SEED: 'false' };
const lastmile = (...args: string[]) => execFileSync(process.execPath, [path.join(root, 'bin/lastmile.js'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

/** Every report has the update that says it arrived; one dealt with has the one that says so. */
async function addUpdates(pool: pg.Pool): Promise<void> {
  await pool.query(
    `insert into report_updates (report_id, visibility, from_state, to_state, text, author_kind, created_at)
     select id, 'public', null, 'open', 'Thank you for your report. We will look at it and tell you what happens next.', 'resident', created_at
     from reports r where not exists (select 1 from report_updates u where u.report_id = r.id)`,
  );
  await pool.query(
    `insert into report_updates (report_id, visibility, from_state, to_state, text, author_kind, created_at)
     select id, 'public', 'open', state, 'This problem has been dealt with.', 'staff', coalesce(fixed_at, closed_at)
     from reports r where coalesce(fixed_at, closed_at) is not null
       and not exists (select 1 from report_updates u where u.report_id = r.id and u.to_state = r.state)`,
  );
  await pool.query('analyze report_updates');
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon's own summary has no p95, so every response's time is kept and ranked here. */
async function measure(address: string, headers: Record<string, string> = {}, duration = seconds): Promise<Measured> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: address, connections, duration, headers }, (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)));
    // autocannon emits (client, status, bytes, time); its type definitions leave out the client.
    instance.on('response', (...args: unknown[]) => {
      const time = args[3];
      if (typeof time === 'number') times.push(time);
    });
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { requestsPerSecond: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99), non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

const { pool } = bench.database;
try {
  const have = await reportCount(pool);
  if (have < wanted) {
    await generateReports(pool, wanted - have, (done) => process.stderr.write(`\rGenerating reports: ${done.toLocaleString('en-GB')} of ${(wanted - have).toLocaleString('en-GB')}`));
    process.stderr.write('\n');
  }
  await addUpdates(pool);
  const reports = await reportCount(pool);
  const updates = Number((await pool.query<{ n: string }>('select count(*) as n from report_updates')).rows[0]?.n);
  const key = lastmile('open311', 'key', 'create', '--name', `bench ${Date.now()}`, '--rate-limit', '100000').trimEnd().split('\n').at(-1) ?? '';

  const server = await startLastmile({ DATABASE_URL: url, DATA_DIR: dataDir, WORKER: 'off' }, 3371);
  const address = `${server.url}/open311/v2/requests.xml?api_key=${encodeURIComponent(key)}`;
  let full: Measured;
  let body: string;
  try {
    const first = await fetch(address);
    body = await first.text();
    const rows = body.match(/<request>/g)?.length ?? 0;
    if (first.status !== 200 || rows !== 1000) throw new Error(`requests.xml answered ${first.status} with ${rows} requests`);
    await measure(address, {}, 2); // warm up
    full = await measure(address);
  } finally {
    await server.stop();
  }

  const bytesFile = path.join(dataDir, 'requests.xml');
  writeFileSync(bytesFile, body);
  const bare = await startNode(path.join(root, 'bench/bare-server.ts'), [bytesFile], 3372);
  let baseline: Measured;
  try {
    await measure(`${bare.url}/`, {}, 2);
    baseline = await measure(`${bare.url}/`);
  } finally {
    await bare.stop();
  }

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const line = (m: Measured) => `${m.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}, errors ${m.errors}, non-2xx ${m.non2xx}`;
  console.log(`GET /open311/v2/requests.xml: 1,000 requests (${body.length.toLocaleString('en-GB')} bytes) of ${reports.toLocaleString('en-GB')} reports and ${updates.toLocaleString('en-GB')} updates`);
  console.log(`${connections} connections, ${seconds} s each`);
  console.log(`  full app:     ${line(full)}`);
  console.log(`  bare Fastify: ${line(baseline)}`);
  console.log(`  p95 ${ms(full.p95)} (goal ≤ 100 ms): ${full.p95 <= 100 ? 'met' : 'NOT met'}; p95 ratio to bare Fastify ${(full.p95 / baseline.p95).toFixed(1)}`);
  console.log(`  ratio:        ${(full.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)} of bare Fastify's throughput`);
} finally {
  await bench.stop();
}
