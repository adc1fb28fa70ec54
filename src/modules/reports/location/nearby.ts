import { sql } from 'kysely';
import type pg from 'pg';
import type { NearbyReport, ReportState } from '../contracts.ts';
import { OPEN_STATES_SQL } from '../states.ts';
import type { ReportsDb } from '../tables.ts';

/** How close a report of the same kind must be to count as probably the same problem. */
export const DUPLICATE_RADIUS_METRES = 50;
const MOST = 10;

interface NearbyRow {
  id: string;
  reference: string;
  category_code: string;
  state: ReportState;
  distance: number;
  created_at: Date;
  asset_id: string | null;
}

/**
 * Open, visible reports of the same category within the radius, or on the same asset, nearest
 * first. The radius test is an `earth_box` (answered by the partial GiST index on open reports)
 * then the exact `earth_distance`; the asset test uses the partial index on open reports' assets.
 * It runs as a named prepared statement: planning it (earthdistance's functions, two partial
 * indexes) costs more than running it, and every lookup on a connection can share one plan.
 */
export async function nearbyOpenReports(db: ReportsDb, pool: pg.Pool, categoryCode: string, lon: number, lat: number, assetId: string | null, radius = DUPLICATE_RADIUS_METRES): Promise<NearbyReport[]> {
  const compiled = nearbyQuery(categoryCode, lon, lat, assetId, radius).compile(db);
  const result = await pool.query<NearbyRow>({ name: assetId ? 'reports.nearby-or-asset' : 'reports.nearby', text: compiled.sql, values: [...compiled.parameters] });
  return result.rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    categoryCode: r.category_code,
    state: r.state,
    distanceMetres: Math.round(r.distance * 10) / 10,
    createdAt: r.created_at,
    assetId: r.asset_id,
  }));
}

/** The query itself, for the benchmark to run on a connection of its own. */
export function nearbyQuery(categoryCode: string, lon: number, lat: number, assetId: string | null, radius = DUPLICATE_RADIUS_METRES) {
  const here = sql`ll_to_earth(${lat}, ${lon})`;
  const onAsset = assetId ? sql`or (asset_id = ${assetId} and state in ${OPEN_STATES_SQL} and not hidden)` : sql``;
  return sql<NearbyRow>`
    select id, reference, category_code, state, created_at, asset_id, earth_distance(${here}, ll_to_earth(lat, lon)) as distance
    from reports
    where category_code = ${categoryCode}
      and ((state in ${OPEN_STATES_SQL} and not hidden
            and earth_box(${here}, ${radius}::float8) @> ll_to_earth(lat, lon)
            and earth_distance(${here}, ll_to_earth(lat, lon)) <= ${radius}::float8)
           ${onAsset})
    order by distance, created_at
    limit ${MOST}`;
}
