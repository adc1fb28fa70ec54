/**
 * Shared by the reports benchmarks: a database with the demo borough's streets and assets, a
 * generator for a million reports in SQL, realistic points to look up, and percentiles.
 */
import path from 'node:path';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { connect, type Database } from '../src/platform/db/database.ts';
import { useEmbeddedPostgres, type EmbeddedDatabase } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { platformMigrations } from '../src/app.ts';
import { modules } from '../src/modules/index.ts';
import { Geography } from '../src/platform/geo/geography.ts';
import { generateDemoGazetteer } from '../src/platform/geo/demo.ts';
import { saveAddresses, saveStreets } from '../src/platform/geo/store.ts';
import { lineLengthMetres, offsetMetres, pointAlong, type LonLat } from '../src/platform/geo/distance.ts';
import { SeededRandom } from '../src/platform/geo/prng.ts';
import { generateDemoAssets, saveAssets, type AssetRecord } from '../src/modules/reports/demo/assets.ts';
import { root } from './lib.ts';

export interface BenchDatabase {
  url: string;
  database: Database;
  embedded: EmbeddedDatabase;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL under .bench-data/<name>, migrated, with the demo borough's streets and assets. Kept between runs. */
export async function benchDatabase(name: string, port: number): Promise<BenchDatabase> {
  const dataDir = path.join(root, '.bench-data', name);
  mkdirSync(dataDir, { recursive: true });
  const embedded = await useEmbeddedPostgres({ dataDir, port });
  const database = connect(embedded.url, 12);
  await migrate(database.pool, [...platformMigrations, ...modules.flatMap((m) => (m.migrations ? [{ owner: m.name, dir: m.migrations }] : []))]);
  const { db } = database;
  if (!(await db.selectFrom('gazetteer_streets').select('usrn').limit(1).executeTakeFirst())) {
    const { streets, addresses } = generateDemoGazetteer(Geography.load());
    await db.transaction().execute(async (trx) => {
      await saveStreets(trx, streets, 'demo');
      await saveAddresses(trx, addresses, 'demo');
      await saveAssets(trx, generateDemoAssets(streets));
    });
  }
  return { url: embedded.url, database, embedded, stop: async () => { await database.close(); await embedded.stop(); } };
}

export interface Place {
  categoryCode: 'streetlight' | 'blocked_drain' | 'pothole';
  lon: number;
  lat: number;
  assetId?: string;
}

/** The demo borough's council streets and assets, as the benchmarks pick places from them. */
export async function boroughPlaces(pool: pg.Pool): Promise<{ streets: { usrn: number; line: LonLat[] }[]; assets: Pick<AssetRecord, 'id' | 'layer' | 'lon' | 'lat'>[] }> {
  const streets = await pool.query<{ usrn: number; geometry: LonLat[] }>(`select usrn, geometry from gazetteer_streets where responsibility = 'council' order by usrn`);
  const assets = await pool.query<Pick<AssetRecord, 'id' | 'layer' | 'lon' | 'lat'>>(`select id, layer, lon, lat from street_assets order by id`);
  return { streets: streets.rows.map((s) => ({ usrn: Number(s.usrn), line: s.geometry })), assets: assets.rows };
}

/**
 * Places residents report from, in the real mix (45% potholes, 35% streetlights, 20% drains):
 * a streetlight or gully by its number, or a point on a street with a few metres of GPS error.
 */
export function realisticPlaces(count: number, borough: Awaited<ReturnType<typeof boroughPlaces>>, seed = 7): Place[] {
  const random = new SeededRandom(seed);
  const lights = borough.assets.filter((a) => a.layer === 'streetlights');
  const gullies = borough.assets.filter((a) => a.layer === 'gullies');
  return Array.from({ length: count }, (): Place => {
    const roll = random.next();
    if (roll < 0.35) {
      const light = random.pick(lights);
      return { categoryCode: 'streetlight', lon: light.lon, lat: light.lat, assetId: light.id };
    }
    if (roll < 0.55) {
      const gully = random.pick(gullies);
      return { categoryCode: 'blocked_drain', lon: gully.lon, lat: gully.lat, assetId: gully.id };
    }
    const street = random.pick(borough.streets);
    const [lon, lat] = offsetMetres(pointAlong(street.line, random.between(0, lineLengthMetres(street.line))), random.between(-8, 8), random.between(-8, 8));
    return { categoryCode: 'pothole', lon, lat };
  });
}

/**
 * `count` reports in one INSERT … SELECT over generate_series, in batches, oldest first (so the table
 * is in time order, as a real one is): ten years of them, in the real category mix, on real
 * streetlights, gullies and streets. As in a real archive most are done with: of the last 90 days'
 * reports up to 65% are still open, of older ones 1% (the long-running repairs); the rest are fixed
 * (85%) or closed for a reason. 0.3% hidden. References are 'B' and a number, not the
 * check-character scheme, so they cannot clash with real ones.
 */
export async function generateReports(pool: pg.Pool, count: number, onBatch: (done: number) => void, seed = 0.42): Promise<void> {
  const borough = await boroughPlaces(pool);
  const points = realisticPlaces(50_000, borough, 11).filter((p) => p.categoryCode === 'pothole');
  const client = await pool.connect();
  try {
    await client.query('select setseed($1)', [seed]);
    await client.query(`create temp table bench_assets as select row_number() over (partition by layer order by id) as rn, id, layer, lon, lat, usrn from street_assets`);
    await client.query(`create temp table bench_points as select row_number() over () as rn, lon, lat from jsonb_to_recordset($1::jsonb) as p(lon float8, lat float8)`, [JSON.stringify(points.map((p) => ({ lon: p.lon, lat: p.lat })))]);
    await client.query('create index on bench_assets (layer, rn); create index on bench_points (rn); analyze bench_assets; analyze bench_points');
    const lights = Number((await client.query<{ n: string }>(`select count(*) as n from bench_assets where layer = 'streetlights'`)).rows[0]?.n);
    const gullies = Number((await client.query<{ n: string }>(`select count(*) as n from bench_assets where layer = 'gullies'`)).rows[0]?.n);
    const start = Number((await client.query<{ n: string }>(`select coalesce(max(substr(reference, 2)::bigint), 0) as n from reports where reference like 'B%'`)).rows[0]?.n);
    const last = start + count;
    const batch = 100_000;
    for (let from = start + 1; from <= last; from += batch) {
      const to = Math.min(from + batch - 1, last);
      await client.query(
        `with draw as (
           select g, random() as c, random() as s, random() as a, random() as h, ($2::float8 - g) / $2::float8 * 3650 as age
           from generate_series($1::bigint, $3::bigint) g
         ), aged as (
           select d.*, now() - d.age * interval '1 day' as created,
             case when d.age < 90 then 0.05 + 0.6 * (1 - d.age / 90) else 0.01 end as p_open
           from draw d
         ), placed as (
           select d.*, case when d.c < 0.45 then 'pothole' when d.c < 0.80 then 'streetlight' else 'blocked_drain' end as category,
             case when d.s < d.p_open * 0.4 then 'open' when d.s < d.p_open * 0.6 then 'investigating' when d.s < d.p_open * 0.9 then 'action_scheduled'
                  when d.s < d.p_open then 'in_progress'
                  when d.s < d.p_open + (1 - d.p_open) * 0.85 then 'fixed' when d.s < d.p_open + (1 - d.p_open) * 0.92 then 'closed_no_further_action'
                  when d.s < d.p_open + (1 - d.p_open) * 0.96 then 'closed_duplicate' when d.s < d.p_open + (1 - d.p_open) * 0.99 then 'closed_not_responsible'
                  else 'closed_internal_referral' end as state
           from aged d
         )
         insert into reports (reference, category_code, state, priority, lon, lat, usrn, asset_id, description, answers, channel, created_at, updated_at, due_at, fixed_at, closed_at, hidden)
         select 'B' || lpad(p.g::text, 9, '0'), p.category, p.state, 'standard',
           coalesce(a.lon, pt.lon), coalesce(a.lat, pt.lat), a.usrn, a.id, 'Benchmark report', '{}', 'web',
           p.created, p.created, p.created + interval '5 days',
           case when p.state = 'fixed' then p.created + interval '3 days' end,
           case when p.state like 'closed_%' then p.created + interval '2 days' end,
           p.h < 0.003
         from placed p
         left join bench_assets a on p.category <> 'pothole'
           and a.layer = case p.category when 'streetlight' then 'streetlights' else 'gullies' end
           and a.rn = 1 + floor(p.a * case p.category when 'streetlight' then $4::int else $5::int end)
         left join bench_points pt on p.category = 'pothole' and pt.rn = 1 + floor(p.a * $6::int)
         order by p.g`,
        [from, last, to, lights, gullies, points.length],
      );
      onBatch(to - start);
    }
    await client.query('analyze reports');
  } finally {
    client.release();
  }
}

/** A report at a place as a resident would send it, with its category's answers. */
export function benchReport(place: Place, n: number | string, description: string) {
  const answers = place.categoryCode === 'streetlight' ? { fault: 'light_out' } : place.categoryCode === 'blocked_drain' ? { problem: 'blocked', flooding: false } : { size: 'medium', depth: 'deep', where: 'road' };
  return { ...place, description, answers, reporter: { name: 'Bench Resident', email: `bench-${n}@example.com`, showName: false } };
}

export async function reportCount(pool: pg.Pool): Promise<number> {
  return Number((await pool.query<{ n: string }>('select count(*) as n from reports')).rows[0]?.n);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function summary(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}
