import { sql } from 'kysely';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { OPEN_STATES_SQL } from '../states.ts';
import { reportsDb, type AssetLayerName } from '../tables.ts';

export interface StreetAsset {
  id: string;
  layer: AssetLayerName;
  lon: number;
  lat: number;
  usrn: string | null;
  status: 'ok' | 'in_programme';
  programmeNote: string | null;
  attributes: Record<string, unknown>;
}

/** What a resident is told about an asset before reporting it. */
export type ResidentAssetStatus = 'reportable' | 'in_programme' | 'reported';

export interface AssetStanding {
  status: ResidentAssetStatus;
  /** When the oldest open report on it was made ('reported'). */
  reportedAt: Date | null;
}

export interface AssetOnMap extends StreetAsset {
  standing: AssetStanding;
}

/** [minLon, minLat, maxLon, maxLat] */
export type BoundingBox = [number, number, number, number];

export const ASSET_LAYERS: readonly AssetLayerName[] = ['streetlights', 'gullies'];

export function isAssetLayer(value: string): value is AssetLayerName {
  return ASSET_LAYERS.some((l) => l === value);
}

/** Plate numbers as people type them ("sl 1234", "SL01234") in the register's form, "SL-01234". */
export function normaliseAssetId(input: string): string {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  const parts = /^([A-Z]{2})-?(\d{1,6})$/.exec(compact);
  return parts ? `${parts[1]}-${(parts[2] ?? '').padStart(5, '0')}` : compact;
}

/** Streetlights and gullies: one by id, or all in a map's bounding box with their standing. */
export class AssetRegister {
  constructor(private readonly db: Db) {}

  async find(id: string, layer?: AssetLayerName, executor: Executor = this.db): Promise<StreetAsset | null> {
    let query = reportsDb(executor).selectFrom('street_assets').selectAll().where('id', '=', normaliseAssetId(id));
    if (layer) query = query.where('layer', '=', layer);
    const row = await query.executeTakeFirst();
    return row ? toAsset(row) : null;
  }

  async standing(asset: StreetAsset): Promise<AssetStanding> {
    if (asset.status === 'in_programme') return { status: 'in_programme', reportedAt: null };
    const row = await sql<{ reported_at: Date | null }>`
      select min(created_at) as reported_at from reports
      where asset_id = ${asset.id} and state in ${OPEN_STATES_SQL} and not hidden`.execute(this.db);
    const reportedAt = row.rows[0]?.reported_at ?? null;
    return { status: reportedAt ? 'reported' : 'reportable', reportedAt };
  }

  /** Up to `limit` assets in the box, nearest the box's middle first, and whether there were more. */
  async inBox(layer: AssetLayerName, box: BoundingBox, limit: number): Promise<{ assets: AssetOnMap[]; truncated: boolean }> {
    const [minLon, minLat, maxLon, maxLat] = box;
    const middle = sql`point(${(minLon + maxLon) / 2}, ${(minLat + maxLat) / 2})`;
    const rows = await sql<AssetRow & { reported_at: Date | null }>`
      select a.*, open.reported_at
      from street_assets a
      left join lateral (
        select min(r.created_at) as reported_at from reports r
        where r.asset_id = a.id and r.state in ${OPEN_STATES_SQL} and not r.hidden
      ) open on true
      where a.layer = ${layer}
        and point(a.lon, a.lat) <@ box(point(${minLon}, ${minLat}), point(${maxLon}, ${maxLat}))
      order by point(a.lon, a.lat) <-> ${middle}, a.id
      limit ${limit + 1}`.execute(this.db);
    const assets = rows.rows.slice(0, limit).map((row): AssetOnMap => {
      const asset = toAsset(row);
      const status: ResidentAssetStatus = asset.status === 'in_programme' ? 'in_programme' : row.reported_at ? 'reported' : 'reportable';
      return { ...asset, standing: { status, reportedAt: status === 'reported' ? row.reported_at : null } };
    });
    return { assets, truncated: rows.rows.length > limit };
  }
}

interface AssetRow {
  id: string;
  layer: AssetLayerName;
  lon: number;
  lat: number;
  usrn: number | null;
  status: 'ok' | 'in_programme';
  programme_note: string | null;
  attributes: Record<string, unknown>;
}

function toAsset(row: AssetRow): StreetAsset {
  return {
    id: row.id,
    layer: row.layer,
    lon: row.lon,
    lat: row.lat,
    usrn: row.usrn === null ? null : String(row.usrn),
    status: row.status,
    programmeNote: row.programme_note,
    attributes: row.attributes,
  };
}
