import type { BoundingBox } from './register.ts';

/** About 6.6 km by 5.6 km at Stockport's latitude: a town's worth, which a map zoomed in far enough to pick a streetlight never exceeds. */
export const MAX_SPAN = { lon: 0.1, lat: 0.05 };
export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 2000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "minLon,minLat,maxLon,maxLat", as Leaflet's `getBounds().toBBoxString()` writes it. */
export function parseBbox(input: unknown): Parsed<BoundingBox> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'Give a bbox as minLon,minLat,maxLon,maxLat' };
  const parts = input.split(',');
  const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : Number.NaN));
  const [minLon, minLat, maxLon, maxLat] = numbers;
  if (numbers.length !== 4 || minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined || numbers.some((n) => !Number.isFinite(n))) {
    return { ok: false, error: 'The bbox must be four numbers: minLon,minLat,maxLon,maxLat' };
  }
  if ([minLon, maxLon].some((lon) => lon < -180 || lon > 180) || [minLat, maxLat].some((lat) => lat < -90 || lat > 90)) {
    return { ok: false, error: 'The bbox must have longitudes between -180 and 180 and latitudes between -90 and 90' };
  }
  if (minLon >= maxLon || minLat >= maxLat) return { ok: false, error: 'The bbox’s minimums must be less than its maximums' };
  if (maxLon - minLon > MAX_SPAN.lon || maxLat - minLat > MAX_SPAN.lat) {
    return { ok: false, error: `The bbox is too big: it may span at most ${MAX_SPAN.lon} degrees of longitude and ${MAX_SPAN.lat} of latitude. Zoom in` };
  }
  return { ok: true, value: [minLon, minLat, maxLon, maxLat] };
}

export function parseLimit(input: unknown): Parsed<number> {
  if (input === undefined || input === '') return { ok: true, value: DEFAULT_LIMIT };
  const limit = typeof input === 'string' && /^\d{1,5}$/.test(input) ? Number(input) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { ok: false, error: `The limit must be a whole number from 1 to ${MAX_LIMIT}` };
  return { ok: true, value: limit };
}
