/**
 * Crash test for reports: submissions under load (bench/reports-server.ts, POST /bench/reports),
 * then `kill -9` of the server and of PostgreSQL itself, a restart, and a check of everything that
 * was acknowledged (a 201 with a reference): the report is stored, its confirmation is in the
 * message log, its "has it been fixed?" job and its contractor dispatch (with its job) exist, and
 * after the restart the worker runs every dispatch job. Run: npm run bench:reports:crash   (SECONDS=4 WORKERS=8)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freshDir, killUnderLoad, root, startNode } from './lib.ts';
import { benchReport, realisticPlaces } from './reports-lib.ts';
import type { LonLat } from '../src/platform/geo/distance.ts';

const seconds = Number(process.env.SECONDS ?? 4);
const workers = Number(process.env.WORKERS ?? 8);
const dataDir = freshDir('reports-crash');
const pgPort = 54495;
const port = 3361;
// The server starts (and owns) an embedded PostgreSQL under DATA_DIR, as `lastmile serve` does.
Object.assign(process.env, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), BENCH_DISPATCH: '1', BENCH_JOB_POLLERS: process.env.BENCH_JOB_POLLERS ?? '20' });
delete process.env.DATABASE_URL;
const script = path.join(root, 'bench/reports-server.ts');

const server = await startNode(script, [], port);
const client = await connect();
const places = realisticPlaces(4000, await borough(client), 3);
await client.end();

const acknowledged: string[] = [];
let sent = 0;
let refused = 0;
let running = true;

async function worker(n: number): Promise<void> {
  for (let i = 0; running; i++) {
    const place = places[(n * 500 + i) % places.length];
    if (!place) continue;
    sent += 1;
    try {
      const res = await fetch(`${server.url}/bench/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchReport(place, `crash-${n}-${i}`, 'Reported by the crash test')) });
      if (res.status === 201) {
        const body: unknown = await res.json();
        if (typeof body === 'object' && body !== null && 'reference' in body && typeof body.reference === 'string') acknowledged.push(body.reference);
      } else refused += 1;
    } catch {
      return; // the connection died with the server: not acknowledged
    }
  }
}

const load = Array.from({ length: workers }, (_, n) => worker(n));
const postmasterPid = await killUnderLoad({ server, dataDir, seconds, load, stopLoad: () => (running = false) });
console.log(`Killed the server and PostgreSQL (pid ${postmasterPid}) with SIGKILL after ${seconds} s: ${sent} reports sent, ${acknowledged.length} acknowledged, ${refused} refused`);

const restarted = await startNode(script, [], port);
try {
  const db = await connect();
  const stored = await db.query<{ id: string; reference: string }>('select id, reference from reports where reference = any($1)', [acknowledged]);
  const ids = stored.rows.map((r) => r.id);
  const byId = new Map(stored.rows.map((r) => [r.id, r.reference]));
  const messaged = new Set((await db.query<{ reference: string }>('select distinct reference from notify_messages where reference = any($1)', [acknowledged])).rows.map((r) => r.reference));
  const asked = new Set((await db.query<{ id: string }>(`select data->>'reportId' as id from pgboss.job where name = 'reports.ask_if_fixed' and data->>'reportId' = any($1)`, [ids])).rows.map((r) => r.id));
  const dispatched = new Set((await db.query<{ id: string }>('select report_id as id from bench_dispatches where report_id = any($1)', [ids])).rows.map((r) => r.id));
  const all = await db.query<{ n: string }>(`select count(*) as n from reports where description = 'Reported by the crash test'`);
  const lost = acknowledged.filter((reference) => !stored.rows.some((r) => r.reference === reference));
  const missing = (has: (id: string) => boolean) => ids.filter((id) => !has(id)).map((id) => byId.get(id));
  console.log(`After restart: ${all.rows[0]?.n} reports stored (${Number(all.rows[0]?.n) - stored.rows.length} committed but not acknowledged before the kill)`);
  console.log(`Acknowledged but lost: ${lost.length}`);
  console.log(`Acknowledged without their confirmation message: ${missing((id) => messaged.has(byId.get(id) ?? '')).length}`);
  console.log(`Acknowledged without their "has it been fixed?" job: ${missing((id) => asked.has(id)).length}`);
  console.log(`Acknowledged without their contractor dispatch: ${missing((id) => dispatched.has(id)).length}`);
  const restartedAt = Date.now();
  const until = restartedAt + 90_000;
  let waiting = ids.length;
  while (Date.now() < until) {
    waiting = Number((await db.query<{ n: string }>('select count(*) as n from bench_dispatches where report_id = any($1) and ran_at is null', [ids])).rows[0]?.n);
    if (waiting === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`Dispatch jobs of acknowledged reports not run within 90 s of the restart: ${waiting}${waiting ? '' : ` (all ${ids.length} had run ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the server was back)`}`);
  await db.end();
  if (lost.length || waiting || ids.some((id) => !messaged.has(byId.get(id) ?? '') || !asked.has(id) || !dispatched.has(id))) process.exitCode = 1;
} finally {
  await restarted.stop();
}

async function connect(): Promise<pg.Client> {
  const password = readFileSync(path.join(dataDir, '.pg-password'), 'utf8').trim();
  const c = new pg.Client({ connectionString: `postgres://lastmile:${encodeURIComponent(password)}@localhost:${pgPort}/lastmile` });
  await c.connect();
  return c;
}

async function borough(c: pg.Client) {
  const streets = await c.query<{ usrn: string; geometry: LonLat[] }>(`select usrn, geometry from gazetteer_streets where responsibility = 'council' order by usrn`);
  const assets = await c.query<{ id: string; layer: 'streetlights' | 'gullies'; lon: number; lat: number }>('select id, layer, lon, lat from street_assets order by id');
  return { streets: streets.rows.map((s) => ({ usrn: Number(s.usrn), line: s.geometry })), assets: assets.rows };
}
