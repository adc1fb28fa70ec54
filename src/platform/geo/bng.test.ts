import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gridToLonLat, gridToOsgb36, onNationalGrid } from './bng.ts';
import { distanceMetres } from './distance.ts';

const dms = (degrees: number, minutes: number, seconds: number) => degrees + minutes / 60 + seconds / 3600;
/** 0.001 arc seconds is about 3 cm. */
const MILLI_ARC_SECOND = 0.001 / 3600;

describe('British National Grid to WGS84', () => {
  it("matches the projection in Ordnance Survey's worked example", () => {
    // "A guide to coordinate systems in Great Britain", Annex C: E 651409.903, N 313177.270
    // is OSGB36 52°39′27.2531″N, 1°43′4.5177″E.
    const [lat, lon] = gridToOsgb36(651409.903, 313177.27);
    assert.ok(Math.abs(lat - dms(52, 39, 27.2531)) < 0.1 * MILLI_ARC_SECOND, `latitude ${lat}`);
    assert.ok(Math.abs(lon - dms(1, 43, 4.5177)) < 0.1 * MILLI_ARC_SECOND, `longitude ${lon}`);
  });

  it('applies the OS Helmert transformation as other implementations do', () => {
    // The same point in WGS84 by the 7-parameter Helmert, as published with Chris Veness's
    // geodesy library (movable-type.co.uk): 52°39′28.723″N, 1°42′57.787″E.
    const [lon, lat] = gridToLonLat(651409.903, 313177.27);
    assert.ok(Math.abs(lat - dms(52, 39, 28.723)) < MILLI_ARC_SECOND, `latitude ${lat}`);
    assert.ok(Math.abs(lon - dms(1, 42, 57.787)) < MILLI_ARC_SECOND, `longitude ${lon}`);
  });

  it("lands within 5 m of Ordnance Survey's OSTN15 test points", () => {
    // [id, ETRS89 latitude, longitude, easting, northing] from OS's OSTN15 developer pack test data.
    const points: [string, number, number, number, number][] = [
      ['TP01 St Mary’s, Scilly', 49.9222639373, -6.29977752014, 91492.146, 11318.804],
      ['TP05 former OS headquarters', 50.9312793791, -1.450514337, 438710.92, 114792.25],
      ['TP20 near Leeds', 53.8002151963, -1.66379168242, 422242.186, 433818.701],
      ['TP40 Shetland', 60.1330809166, -2.07382822798, 395999.668, 1138728.951],
    ];
    for (const [id, lat, lon, easting, northing] of points) {
      const metres = distanceMetres(gridToLonLat(easting, northing), [lon, lat]);
      assert.ok(metres < 5, `${id} is ${metres.toFixed(2)} m out`);
    }
  });

  it('puts grid reference 389000, 390000 in Stockport', () => {
    const [lon, lat] = gridToLonLat(389000, 390000);
    assert.ok(Math.abs(lat - 53.4067) < 0.0001 && Math.abs(lon + 2.1669) < 0.0001, `${lon}, ${lat}`);
  });

  it('knows the grid from the sea around it', () => {
    assert.equal(onNationalGrid(389000, 390000), true);
    assert.equal(onNationalGrid(-1, 390000), false);
    assert.equal(onNationalGrid(900000, 390000), false);
  });
});
