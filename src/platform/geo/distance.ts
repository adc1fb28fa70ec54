/** A position as GeoJSON writes it: [longitude, latitude] in WGS84 degrees. */
export type LonLat = [number, number];

/**
 * The sphere PostgreSQL's earthdistance uses (earth() = 6378168 m), so distances worked out
 * here agree with the `earth_distance` prefilters in SQL.
 */
const EARTH_RADIUS_METRES = 6_378_168;
const RADIANS = Math.PI / 180;

/** Metres per degree of longitude and latitude near `lat`: a flat-earth view, good to a few kilometres. */
function scale(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_METRES * RADIANS;
  return { x: y * Math.cos(lat * RADIANS), y };
}

export function distanceMetres(a: LonLat, b: LonLat): number {
  const s = scale((a[1] + b[1]) / 2);
  return Math.hypot((a[0] - b[0]) * s.x, (a[1] - b[1]) * s.y);
}

/** The shortest distance from a point to a line through `line`'s vertices (a single vertex is a point). */
export function distanceToLineMetres(point: LonLat, line: LonLat[]): number {
  const s = scale(point[1]);
  const toXY = ([lon, lat]: LonLat): [number, number] => [(lon - point[0]) * s.x, (lat - point[1]) * s.y];
  let best = Infinity;
  for (let i = 0; i < line.length; i++) {
    const a = line[i];
    if (!a) continue;
    const [ax, ay] = toXY(a);
    const b = line[i + 1];
    if (!b) {
      if (i === 0) best = Math.hypot(ax, ay);
      continue;
    }
    const [bx, by] = toXY(b);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

export function lineLengthMetres(line: LonLat[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (a && b) total += distanceMetres(a, b);
  }
  return total;
}

/** The point `metres` along the line from its start (clamped to its ends). */
export function pointAlong(line: LonLat[], metres: number): LonLat {
  let left = Math.max(0, metres);
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (!a || !b) continue;
    const step = distanceMetres(a, b);
    if (left <= step && step > 0) {
      const t = left / step;
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
    left -= step;
  }
  const last = line[line.length - 1];
  if (!last) throw new Error('A line needs at least one point');
  return last;
}

/** Moves a point `east` and `north` metres. */
export function offsetMetres([lon, lat]: LonLat, east: number, north: number): LonLat {
  const s = scale(lat);
  return [lon + east / s.x, lat + north / s.y];
}

/**
 * A street's representative point (halfway along it) and its reach: how far its furthest vertex is
 * from that point. A search for streets near a point looks within `radius + reach` of the representative point.
 */
export function midpointAndReach(line: LonLat[]): { mid: LonLat; reachMetres: number } {
  const mid = pointAlong(line, lineLengthMetres(line) / 2);
  const reachMetres = Math.max(0, ...line.map((p) => distanceMetres(mid, p)));
  return { mid, reachMetres };
}
