import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AssetOnMap, AssetStanding } from './register.ts';

export interface AssetProperties {
  id: string;
  layer: string;
  status: AssetStanding['status'];
  /** What the map shows the resident about it. */
  statusText: string;
  reportedAt: string | null;
  programmeNote: string | null;
  usrn: string | null;
}

/** GeoJSON for a map layer; `truncated` (a foreign member) says the box held more than were sent. */
export function assetCollection(assets: AssetOnMap[], truncated: boolean, now = new Date()): FeatureCollection<Point, AssetProperties> & { truncated: boolean } {
  return {
    type: 'FeatureCollection',
    truncated,
    features: assets.map(
      (a): Feature<Point, AssetProperties> => ({
        type: 'Feature',
        id: a.id,
        geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
        properties: {
          id: a.id,
          layer: a.layer,
          status: a.standing.status,
          statusText: statusText(a, now),
          reportedAt: a.standing.reportedAt?.toISOString() ?? null,
          programmeNote: a.programmeNote,
          usrn: a.usrn,
        },
      }),
    ),
  };
}

export function statusText(asset: Pick<AssetOnMap, 'standing' | 'programmeNote'>, now: Date): string {
  const { status, reportedAt } = asset.standing;
  if (status === 'in_programme') return `In a maintenance programme: ${asset.programmeNote ?? 'work is planned'}`;
  if (status === 'reported' && reportedAt) return `Already reported ${daysAgo(reportedAt, now)}`;
  return 'No problems reported';
}

/** "today", "yesterday", "3 days ago", by calendar day in the UK. */
export function daysAgo(when: Date, now: Date): string {
  const day = (d: Date) => Date.parse(d.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));
  const days = Math.round((day(now) - day(when)) / (24 * 3600 * 1000));
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}
