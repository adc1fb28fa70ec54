import type { LonLat } from '../../../platform/geo/distance.ts';

/**
 * The point on a street's line nearest to `point`, working in a flat view around the point
 * (good to a few kilometres, and streets are shorter than that).
 */
export function nearestPointOnLine(point: LonLat, line: LonLat[]): LonLat {
  const xScale = Math.cos((point[1] * Math.PI) / 180);
  const toXY = ([lon, lat]: LonLat): [number, number] => [(lon - point[0]) * xScale, lat - point[1]];
  let best: { at: LonLat; squared: number } | undefined;
  for (let i = 0; i < line.length; i++) {
    const a = line[i];
    if (!a) continue;
    const b = line[i + 1] ?? a;
    const [ax, ay] = toXY(a);
    const [bx, by] = toXY(b);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    const x = ax + t * dx;
    const y = ay + t * dy;
    const squared = x * x + y * y;
    if (!best || squared < best.squared) best = { at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], squared };
  }
  if (!best) throw new Error('A line needs at least one point');
  return best.at;
}
