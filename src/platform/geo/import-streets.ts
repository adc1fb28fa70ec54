import { midpointAndReach, type LonLat } from './distance.ts';
import type { StreetRecord } from './store.ts';

interface Gathered {
  names: Map<string, number>;
  localities: Map<string, number>;
  towns: Map<string, number>;
  wards: Map<string, number>;
  points: LonLat[];
}

/**
 * Streets derived from the addresses on them: an address file carries each street's USRN and
 * name but not its line, so the line runs through its addresses in order along the street's
 * main direction. Good enough to find "the street near here"; a real street file would be better.
 */
export class StreetCollector {
  private readonly streets = new Map<number, Gathered>();

  add(usrn: number, street: { name: string; locality: string | null; town: string; wardCode: string | null }, point: LonLat): void {
    let gathered = this.streets.get(usrn);
    if (!gathered) {
      gathered = { names: new Map(), localities: new Map(), towns: new Map(), wards: new Map(), points: [] };
      this.streets.set(usrn, gathered);
    }
    count(gathered.names, street.name);
    if (street.locality) count(gathered.localities, street.locality);
    count(gathered.towns, street.town);
    if (street.wardCode) count(gathered.wards, street.wardCode);
    gathered.points.push(point);
  }

  get size(): number {
    return this.streets.size;
  }

  *records(): Generator<StreetRecord> {
    for (const [usrn, gathered] of this.streets) {
      const line = orderAlong(gathered.points);
      // A LineString needs two positions; a street known from one address is a line of no length.
      const geometry = line.length === 1 && line[0] ? [line[0], line[0]] : line;
      const { mid, reachMetres } = midpointAndReach(geometry);
      yield {
        usrn,
        name: commonest(gathered.names) ?? '',
        locality: commonest(gathered.localities),
        town: commonest(gathered.towns) ?? '',
        wardCode: commonest(gathered.wards),
        responsibility: 'council',
        geometry,
        lon: mid[0],
        lat: mid[1],
        reachMetres,
      };
    }
  }
}

function count(tally: Map<string, number>, value: string): void {
  tally.set(value, (tally.get(value) ?? 0) + 1);
}

/** The value seen most often; ties go to the first seen. */
function commonest(tally: Map<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [value, n] of tally) {
    if (n > most) {
      best = value;
      most = n;
    }
  }
  return best;
}

/** Sorts points along their principal axis (the direction they spread most), dropping repeats. */
export function orderAlong(points: LonLat[]): LonLat[] {
  if (points.length < 2) return [...points];
  const meanLon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const meanLat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const xScale = Math.cos((meanLat * Math.PI) / 180);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [lon, lat] of points) {
    const x = (lon - meanLon) * xScale;
    const y = lat - meanLat;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  const angle = Math.atan2(2 * sxy, sxx - syy) / 2;
  const along = ([lon, lat]: LonLat) => (lon - meanLon) * xScale * Math.cos(angle) + (lat - meanLat) * Math.sin(angle);
  const sorted = [...points].sort((a, b) => along(a) - along(b));
  return sorted.filter((p, i) => {
    const previous = sorted[i - 1];
    return !previous || previous[0] !== p[0] || previous[1] !== p[1];
  });
}
