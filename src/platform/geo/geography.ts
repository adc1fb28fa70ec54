import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface Area {
  code: string;
  name: string;
}

type AreaShape = Polygon | MultiPolygon;

interface IndexedArea extends Area {
  shape: Feature<AreaShape>;
  /** [minLon, minLat, maxLon, maxLat], to skip most polygons cheaply. */
  bbox: [number, number, number, number];
}

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

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

  wardAt(lon: number, lat: number): Area | null {
    return pick(this.wardAreas, lon, lat);
  }

  lsoaAt(lon: number, lat: number): Area | null {
    return pick(this.lsoaAreas, lon, lat);
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

  bbox(): [number, number, number, number] {
    return this.boundary.bbox;
  }
}

function pick(areas: IndexedArea[], lon: number, lat: number): Area | null {
  const found = areas.find((a) => contains(a, lon, lat));
  return found ? { code: found.code, name: found.name } : null;
}

function contains(area: IndexedArea, lon: number, lat: number): boolean {
  const [minLon, minLat, maxLon, maxLat] = area.bbox;
  if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
  return booleanPointInPolygon([lon, lat], area.shape);
}

function readAreas(file: string): IndexedArea[] {
  const collection: FeatureCollection<AreaShape, { area_code?: string; area_name?: string }> = JSON.parse(readFileSync(file, 'utf8'));
  return collection.features.map((feature) => ({
    code: String(feature.properties?.area_code ?? ''),
    name: String(feature.properties?.area_name ?? ''),
    shape: feature,
    bbox: boundsOf(feature.geometry),
  }));
}

function boundsOf(shape: AreaShape): [number, number, number, number] {
  const rings = shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon = 0, lat = 0] of ring) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
