import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Geography } from './geography.ts';

const geography = Geography.load();
const wardsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'stockport_wards_2023.geojson');
/** Each ward's own reference point, published by the ONS with the boundary. */
const wardPoints: { code: string; name: string; lon: number; lat: number }[] = JSON.parse(readFileSync(wardsFile, 'utf8')).features.map(
  (f: { properties: { area_code: string; area_name: string; lon: string; lat: string } }) => ({
    code: f.properties.area_code,
    name: f.properties.area_name,
    lon: Number(f.properties.lon),
    lat: Number(f.properties.lat),
  }),
);

describe('the borough geography', () => {
  it('has Stockport, its 21 wards and 191 LSOAs', () => {
    assert.deepEqual(geography.borough, { code: 'E08000007', name: 'Stockport' });
    assert.equal(geography.wards().length, 21);
    assert.equal(new Set(wardPoints.map((w) => w.code)).size, 21);
  });

  it('places Stockport town centre in the borough and Manchester city centre outside it', () => {
    assert.equal(geography.inBorough(-2.158, 53.408), true);
    assert.equal(geography.wardAt(-2.158, 53.408)?.name, 'Brinnington & Stockport Central');
    assert.match(geography.lsoaAt(-2.158, 53.408)?.name ?? '', /^Stockport \d{3}[A-Z]$/);

    assert.equal(geography.inBorough(-2.244, 53.481), false);
    assert.equal(geography.wardAt(-2.244, 53.481), null);
    assert.equal(geography.lsoaAt(-2.244, 53.481), null);
  });

  it("finds each ward at the ONS's own reference point for it", () => {
    for (const ward of wardPoints) {
      assert.deepEqual(geography.wardAt(ward.lon, ward.lat), { code: ward.code, name: ward.name }, ward.name);
    }
  });

  it('gives a point on an LSOA boundary sliver the LSOA next to it', () => {
    // Inside the 2023 boundary but in a gap of up to ~18 m left by the 2021 LSOAs' generalisation.
    assert.equal(geography.inBorough(-2.1463435332479284, 53.343985053409014), true);
    assert.ok(geography.lsoaAt(-2.1463435332479284, 53.343985053409014));
  });

  it('puts a point in a ward, and in an LSOA, exactly when it is in the borough', () => {
    const [minLon, minLat, maxLon, maxLat] = geography.bbox();
    fc.assert(
      fc.property(fc.double({ min: minLon, max: maxLon, noNaN: true }), fc.double({ min: minLat, max: maxLat, noNaN: true }), (lon, lat) => {
        const inside = geography.inBorough(lon, lat);
        assert.equal(geography.wardAt(lon, lat) !== null, inside);
        assert.equal(geography.lsoaAt(lon, lat) !== null, inside);
      }),
      { numRuns: 3000 },
    );
  });

  it('puts a point in at most one ward', () => {
    const [minLon, minLat, maxLon, maxLat] = geography.bbox();
    const wards = geography.wards();
    fc.assert(
      fc.property(fc.double({ min: minLon, max: maxLon, noNaN: true }), fc.double({ min: minLat, max: maxLat, noNaN: true }), (lon, lat) => {
        assert.ok(wards.filter((w) => geography.wardContains(w.code, lon, lat)).length <= 1);
      }),
      { numRuns: 1000 },
    );
  });
});
