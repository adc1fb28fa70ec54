import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { distanceToLineMetres, type LonLat } from './distance.ts';

export interface Area {
  code: string;
  name: string;
}

/** [minLon, minLat, maxLon, maxLat] */
export type Bounds = [number, number, number, number];

type AreaShape = Polygon | MultiPolygon;

interface IndexedArea extends Area {
  shape: Feature<AreaShape>;
  /** Lets a lookup skip most polygons cheaply. */
  bbox: Bounds;
}

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/**
 * The 2021 LSOAs are generalised differently from the 2023 boundary, leaving slivers up to
 * about 18 m wide along the edge that no LSOA covers. A point in the borough within this
 * distance of an LSOA belongs to it.
 */
const LSOA_SLIVER_METRES = 50;

/**
 * The borough's boundary, wards and LSOAs (ONS, OGL v3: see data/README.md), with
 * point lookups. Loaded once; a lookup tests bounding boxes before polygons.
 */
export class Geography {
  private constructor(
    readonly borough: Area,
    private readonly boundary: IndexedArea,
    private readonly wardAreas: IndexedArea[],
    private readonly lsoaAreas: IndexedArea[],
  ) {}

  static load(dir = dataDir): Geography {
    const boundary = readAreas(path.join(dir, 'stockport_boundary_2023.geojson'));
    const wards = readAreas(path.join(dir, 'stockport_wards_2023.geojson'));
    const lsoas = readAreas(path.join(dir, 'stockport_lsoa_2021.geojson'));
    const borough = boundary[0];
    if (!borough) throw new Error('The borough boundary file has no features');
    return new Geography({ code: borough.code, name: borough.name }, borough, wards, lsoas);
  }

  inBorough(lon: number, lat: number): boolean {
    return contains(this.boundary, lon, lat);
  }

  /** The ward containing the point; null outside the borough (the wards tile it exactly). */
  wardAt(lon: number, lat: number): Area | null {
    return pick(this.wardAreas, lon, lat);
  }

  /** The LSOA containing the point, or the nearest one across a boundary sliver; null outside the borough. */
  lsoaAt(lon: number, lat: number): Area | null {
    if (!this.inBorough(lon, lat)) return null;
    return pick(this.lsoaAreas, lon, lat) ?? nearest(this.lsoaAreas, [lon, lat], LSOA_SLIVER_METRES);
  }

  wards(): Area[] {
    return this.wardAreas.map(({ code, name }) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  ward(code: string): Area | null {
    const found = this.wardAreas.find((w) => w.code === code);
    return found ? { code: found.code, name: found.name } : null;
  }

  /** The ward's polygon, for generators and maps. */
  wardShape(code: string): Feature<AreaShape> | null {
    return this.wardAreas.find((w) => w.code === code)?.shape ?? null;
  }

  wardContains(code: string, lon: number, lat: number): boolean {
    const ward = this.wardAreas.find((w) => w.code === code);
    return ward ? contains(ward, lon, lat) : false;
  }

  wardBounds(code: string): Bounds | null {
    return this.wardAreas.find((w) => w.code === code)?.bbox ?? null;
  }

  bbox(): Bounds {
    return this.boundary.bbox;
  }
}

function pick(areas: IndexedArea[], lon: number, lat: number): Area | null {
  const found = areas.find((a) => contains(a, lon, lat));
  return found ? { code: found.code, name: found.name } : null;
}

function nearest(areas: IndexedArea[], point: LonLat, withinMetres: number): Area | null {
  let best: { area: IndexedArea; metres: number } | null = null;
  for (const area of areas) {
    for (const ring of rings(area.shape.geometry)) {
      const metres = distanceToLineMetres(point, ring);
      if (metres <= withinMetres && (!best || metres < best.metres)) best = { area, metres };
    }
  }
  return best ? { code: best.area.code, name: best.area.name } : null;
}

function contains(area: IndexedArea, lon: number, lat: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = area.bbox;
  if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
  return booleanPointInPolygon([lon, lat], area.shape);
}

function rings(shape: AreaShape): LonLat[][] {
  const all = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
  return all.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon, lat]));
}

function readAreas(file: string): IndexedArea[] {
  const collection: FeatureCollection<AreaShape, { area_code?: string; area_name?: string }> = JSON.parse(readFileSync(file, 'utf8'));
  return collection.features.map((feature) => ({
    code: String(feature.properties?.area_code ?? ''),
    name: String(feature.properties?.area_name ?? ''),
    shape: feature,
    bbox: boundsOf(rings(feature.geometry).flat()),
  }));
}

export function boundsOf(points: LonLat[]): Bounds {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}
