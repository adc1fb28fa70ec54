/**
 * The nearby-duplicate check at a million reports: the query `locate` runs (open reports of the same
 * category within 50 m, or on the same asset), as it runs it, for realistic places one after
 * another, with the trivial `select 1` through the same pool as the baseline. Then the same query with one GiST
 * index over every report in place of the partial one over open reports (built, measured, rolled
 * back), to show why the partial one. Goal: p95 ≤ 5 ms.
 * Run: npm run bench:reports:nearby   (REPORTS=1000000 QUERIES=2000; FRESH=1 makes the data again)
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { nearbyOpenReports, nearbyQuery } from '../src/modules/reports/location/nearby.ts';
import { reportsDb } from '../src/modules/reports/tables.ts';
import { root } from './lib.ts';
import { benchDatabase, boroughPlaces, generateReports, realisticPlaces, reportCount, summary, type Place } from './reports-lib.ts';

const wanted = Number(process.env.REPORTS ?? 1_000_000);
const queries = Number(process.env.QUERIES ?? 2000);
if (process.env.FRESH) rmSync(path.join(root, '.bench-data', 'reports-nearby'), { recursive: true, force: true });

const bench = await benchDatabase('reports-nearby', 54470);
const { pool } = bench.database;
const client = await pool.connect();
try {
  const have = await reportCount(pool);
  if (have < wanted) {
    const started = performance.now();
    await generateReports(pool, wanted - have, (done) => process.stdout.write(`\rGenerating reports: ${done.toLocaleString('en-GB')} of ${(wanted - have).toLocaleString('en-GB')}`));
    console.log(`\nGenerated ${(wanted - have).toLocaleString('en-GB')} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const total = await reportCount(pool);
  const open = Number((await pool.query<{ n: string }>(`select count(*) as n from reports where state in ('open', 'investigating', 'action_scheduled', 'in_progress') and not hidden`)).rows[0]?.n);
  console.log(`Reports: ${total.toLocaleString('en-GB')}, of which ${open.toLocaleString('en-GB')} open; ${queries} lookups each, one at a time`);

  const db = reportsDb(bench.database.db);
  const places = realisticPlaces(queries, await boroughPlaces(pool), 99);
  const nearby = (p: Place) => nearbyQuery(p.categoryCode, p.lon, p.lat, p.assetId ?? null).compile(db);
  // As locate() runs it: a named prepared statement through the pool.
  const partial = await timed(places, async (p) => (await nearbyOpenReports(db, pool, p.categoryCode, p.lon, p.lat, p.assetId ?? null)).length);
  const baseline = await timed(places, async () => (await pool.query('select 1')).rowCount ?? 0);
  print('nearby, partial GiST (open only)', partial.stats);
  print('baseline: select 1', baseline.stats);
  console.log(`  ${(partial.rows / queries).toFixed(2)} nearby reports found a lookup`);
  console.log(`  p95 ratio nearby ÷ select 1: ${(partial.stats.p95 / baseline.stats.p95).toFixed(1)}; goal p95 ≤ 5 ms: ${partial.stats.p95 <= 5 ? 'met' : 'NOT met'}`);
  const sample = places.find((p) => p.assetId) ?? places[0];
  if (sample) {
    const compiled = nearby(sample);
    const plan = await client.query<Record<string, string>>(`explain (analyze, costs off) ${compiled.sql}`, [...compiled.parameters]);
    console.log(`  plan for one lookup on an asset:\n${plan.rows.map((r) => `    ${Object.values(r)[0]}`).join('\n')}`);
  }
  const partialSize = (await client.query<{ s: string }>(`select pg_size_pretty(pg_relation_size('reports_open_near')) as s`)).rows[0]?.s;

  await client.query('begin');
  try {
    await client.query('drop index reports_open_near');
    const built = performance.now();
    await client.query('create index reports_all_near on reports using gist (ll_to_earth(lat, lon))');
    const seconds = ((performance.now() - built) / 1000).toFixed(1);
    // The same prepared statements, made on this connection after the index changed.
    const full = await timed(places, async (p) => {
      const compiled = nearby(p);
      return (await client.query({ name: p.assetId ? 'bench.nearby-or-asset' : 'bench.nearby', text: compiled.sql, values: [...compiled.parameters] })).rowCount ?? 0;
    });
    print('nearby, GiST over all reports', full.stats);
    const fullSize = (await client.query<{ s: string }>(`select pg_size_pretty(pg_relation_size('reports_all_near')) as s`)).rows[0]?.s;
    console.log(`  index size: partial ${partialSize}; over all reports ${fullSize} (built in ${seconds} s)`);
  } finally {
    await client.query('rollback');
  }
} finally {
  client.release();
  await bench.stop();
}

async function timed(places: Place[], run: (p: Place) => Promise<number>): Promise<{ stats: ReturnType<typeof summary>; rows: number }> {
  for (const p of places.slice(0, 200)) await run(p); // warm the cache and the prepared statements
  const samples: number[] = [];
  let rows = 0;
  for (const p of places) {
    const started = performance.now();
    rows += await run(p);
    samples.push(performance.now() - started);
  }
  return { stats: summary(samples), rows };
}

function print(label: string, s: ReturnType<typeof summary>): void {
  console.log(`  ${label.padEnd(36)} p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`);
}
