import { lineLengthMetres, offsetMetres, pointAlong, type LonLat } from '../../../platform/geo/distance.ts';
import { SeededRandom } from '../../../platform/geo/prng.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { reportsDb, type AssetLayerName } from '../tables.ts';

export const DEMO_ASSET_SEED = 20_261_126;

export interface DemoStreet {
  usrn: number;
  responsibility: 'council' | 'national_highways' | 'private';
  geometry: LonLat[];
}

export interface AssetRecord {
  id: string;
  layer: AssetLayerName;
  lon: number;
  lat: number;
  usrn: number;
  status: 'ok' | 'in_programme';
  programmeNote: string | null;
  attributes: Record<string, unknown>;
}

const LIGHTS = { first: [5, 15], step: [30, 40], offset: 5, inProgramme: 0.03 } as const;
const GULLIES = { first: [10, 30], step: [50, 80], offset: 3.5, inProgramme: 0.04 } as const;

const LIGHT_PROGRAMMES = [
  'LED lantern replacement: this light will be replaced within 3 months',
  'Column replacement: this column failed its structural test and is due to be replaced',
];
const GULLY_PROGRAMMES = ['Cyclic cleansing: this gully is due to be cleaned within 4 weeks', 'Drainage improvement scheme: repairs planned this year'];

/**
 * Streetlights every 30–40 m and gullies every 50–80 m along the council's own streets, on
 * alternate sides. National Highways' roads and private roads have none of the council's. The
 * same streets and seed always give the same assets, numbered as on their plates.
 */
export function generateDemoAssets(streets: DemoStreet[], seed = DEMO_ASSET_SEED): AssetRecord[] {
  const random = new SeededRandom(seed);
  const assets: AssetRecord[] = [];
  let lights = 0;
  let gullies = 0;
  for (const street of [...streets].sort((a, b) => a.usrn - b.usrn)) {
    if (street.responsibility !== 'council') continue;
    const length = lineLengthMetres(street.geometry);
    let side = 1;
    for (let along = random.between(...LIGHTS.first); along < length; along += random.between(...LIGHTS.step)) {
      const [lon, lat] = beside(street.geometry, along, side * LIGHTS.offset);
      side = -side;
      const inProgramme = random.chance(LIGHTS.inProgramme);
      assets.push({
        id: `SL-${String(++lights).padStart(5, '0')}`,
        layer: 'streetlights',
        lon,
        lat,
        usrn: street.usrn,
        status: inProgramme ? 'in_programme' : 'ok',
        programmeNote: inProgramme ? random.pick(LIGHT_PROGRAMMES) : null,
        attributes: { columnHeightMetres: random.pick([5, 6, 8, 10]), lantern: random.chance(0.8) ? 'LED' : 'SON', installedYear: random.int(1978, 2024) },
      });
    }
    side = 1;
    for (let along = random.between(...GULLIES.first); along < length; along += random.between(...GULLIES.step)) {
      const [lon, lat] = beside(street.geometry, along, side * GULLIES.offset);
      side = -side;
      const inProgramme = random.chance(GULLIES.inProgramme);
      assets.push({
        id: `GY-${String(++gullies).padStart(5, '0')}`,
        layer: 'gullies',
        lon,
        lat,
        usrn: street.usrn,
        status: inProgramme ? 'in_programme' : 'ok',
        programmeNote: inProgramme ? random.pick(GULLY_PROGRAMMES) : null,
        attributes: { cleaningCycleMonths: random.pick([6, 12, 24]) },
      });
    }
  }
  return assets;
}

/** The point `along` metres down the line, moved `metres` to its left (negative: right). */
function beside(line: LonLat[], along: number, metres: number): LonLat {
  const ahead = pointAlong(line, along + 1);
  const behind = pointAlong(line, along - 1);
  const here = pointAlong(line, along);
  const east = (ahead[0] - behind[0]) * Math.cos((here[1] * Math.PI) / 180);
  const north = ahead[1] - behind[1];
  const size = Math.hypot(east, north) || 1;
  const [lon, lat] = offsetMetres(here, (-north / size) * metres, (east / size) * metres);
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/** 1,000 rows of 8 columns a statement, well under PostgreSQL's parameter limit. */
export async function saveAssets(executor: Executor, assets: AssetRecord[]): Promise<void> {
  const db = reportsDb(executor);
  for (let i = 0; i < assets.length; i += 1000) {
    const rows = assets.slice(i, i + 1000).map((a) => ({
      id: a.id,
      layer: a.layer,
      lon: a.lon,
      lat: a.lat,
      usrn: a.usrn,
      status: a.status,
      programme_note: a.programmeNote,
      attributes: JSON.stringify(a.attributes),
    }));
    await db.insertInto('street_assets').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}
