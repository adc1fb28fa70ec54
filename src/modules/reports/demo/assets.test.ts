import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Geography } from '../../../platform/geo/geography.ts';
import { generateDemoGazetteer } from '../../../platform/geo/demo.ts';
import { distanceMetres, distanceToLineMetres } from '../../../platform/geo/distance.ts';
import { generateDemoAssets } from './assets.ts';

describe('the demo borough’s streetlights and gullies', () => {
  const { streets } = generateDemoGazetteer(Geography.load());
  const assets = generateDemoAssets(streets);
  const lights = assets.filter((a) => a.layer === 'streetlights');
  const gullies = assets.filter((a) => a.layer === 'gullies');

  it('are thousands, the same every time', () => {
    assert.ok(lights.length > 2000, `${lights.length} streetlights`);
    assert.ok(gullies.length > 1000, `${gullies.length} gullies`);
    assert.deepEqual(generateDemoAssets(streets), assets);
  });

  it('stand beside the council’s own streets only, spaced as streetlights and gullies are', () => {
    const byUsrn = new Map(streets.map((s) => [s.usrn, s]));
    for (const asset of assets) {
      const street = byUsrn.get(asset.usrn);
      assert.equal(street?.responsibility, 'council', `${asset.id} is on a council street`);
      assert.ok(distanceToLineMetres([asset.lon, asset.lat], street.geometry) < 6, `${asset.id} is beside its street`);
    }
    const gaps = (list: typeof assets) =>
      list.slice(1).flatMap((a, i) => {
        const before = list[i];
        return before && before.usrn === a.usrn ? [distanceMetres([before.lon, before.lat], [a.lon, a.lat])] : [];
      });
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    assert.ok(Math.abs(median(gaps(lights)) - 35) < 4, `streetlights about 35 m apart (median ${median(gaps(lights)).toFixed(1)})`);
    assert.ok(Math.abs(median(gaps(gullies)) - 65) < 6, `gullies about 65 m apart (median ${median(gaps(gullies)).toFixed(1)})`);
  });

  it('have a few percent in a maintenance programme, each saying what the programme is', () => {
    const inProgramme = assets.filter((a) => a.status === 'in_programme');
    const share = inProgramme.length / assets.length;
    assert.ok(share > 0.01 && share < 0.07, `${(share * 100).toFixed(1)}% in a programme`);
    assert.ok(inProgramme.every((a) => a.programmeNote));
    assert.ok(assets.filter((a) => a.status === 'ok').every((a) => a.programmeNote === null));
  });

  it('are numbered as on their plates', () => {
    assert.equal(lights[0]?.id, 'SL-00001');
    assert.equal(gullies[0]?.id, 'GY-00001');
    assert.equal(new Set(assets.map((a) => a.id)).size, assets.length);
  });
});
