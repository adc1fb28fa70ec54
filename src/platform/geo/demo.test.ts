import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Geography } from './geography.ts';
import { generateDemoGazetteer } from './demo.ts';
import { normalisePostcode } from './gazetteer.ts';
import { distanceToLineMetres } from './distance.ts';

const geography = Geography.load();
const demo = generateDemoGazetteer(geography);

describe('the demo gazetteer generator', () => {
  it('makes the same borough every time from the same seed, and another from another seed', () => {
    const again = generateDemoGazetteer(geography);
    assert.equal(again.streets.length, demo.streets.length);
    assert.equal(again.addresses.length, demo.addresses.length);
    assert.deepEqual(again.addresses.slice(0, 50), demo.addresses.slice(0, 50));
    assert.deepEqual(again.streets.slice(0, 20), demo.streets.slice(0, 20));
    assert.deepEqual(again, demo);
    assert.notDeepEqual(generateDemoGazetteer(geography, 7).addresses.slice(0, 5), demo.addresses.slice(0, 5));
  });

  it('makes a few thousand addresses on a few hundred streets in every ward', () => {
    assert.ok(demo.addresses.length >= 4000 && demo.addresses.length <= 6000, `${demo.addresses.length} addresses`);
    assert.ok(demo.streets.length >= 300 && demo.streets.length <= 600, `${demo.streets.length} streets`);
    assert.deepEqual(new Set(demo.addresses.map((a) => a.wardCode)), new Set(geography.wards().map((w) => w.code)));
    assert.equal(new Set(demo.addresses.map((a) => a.uprn)).size, demo.addresses.length);
    assert.equal(new Set(demo.streets.map((s) => s.usrn)).size, demo.streets.length);
  });

  it('puts every address in the borough, in the ward and LSOA it records', () => {
    for (const a of demo.addresses) {
      assert.equal(geography.wardAt(a.lon, a.lat)?.code, a.wardCode, a.line1);
      assert.ok(a.lsoaCode, a.line1);
      assert.equal(geography.lsoaAt(a.lon, a.lat)?.code, a.lsoaCode, a.line1);
    }
  });

  it('lays every street inside its ward and every address beside its street', () => {
    const streets = new Map(demo.streets.map((s) => [s.usrn, s]));
    for (const s of demo.streets) {
      assert.ok(s.geometry.length >= 2);
      for (const [lon, lat] of s.geometry) assert.ok(s.wardCode && geography.wardContains(s.wardCode, lon, lat), s.name);
    }
    for (const a of demo.addresses) {
      const street = a.usrn === null ? undefined : streets.get(a.usrn);
      assert.ok(street, `${a.line1} has a street`);
      assert.ok(distanceToLineMetres([a.lon, a.lat], street.geometry) < 20, `${a.line1} is beside ${street.name}`);
      assert.ok([a.line1, a.line2].some((line) => line?.endsWith(street.name)), `${a.line1} names ${street.name}`);
    }
  });

  it('gives Stockport SK postcodes, each shared by a run of neighbours on one street', () => {
    const byPostcode = new Map<string, typeof demo.addresses>();
    for (const a of demo.addresses) {
      assert.equal(normalisePostcode(a.postcode), a.postcode);
      assert.match(a.postcode, /^SK[1-8] \d[A-Z]{2}$/);
      assert.equal(a.town, 'Stockport');
      byPostcode.set(a.postcode, [...(byPostcode.get(a.postcode) ?? []), a]);
    }
    const sizes = [...byPostcode.values()].map((list) => list.length);
    assert.ok(Math.max(...sizes) <= 30);
    const median = [...sizes].sort((x, y) => x - y)[Math.floor(sizes.length / 2)] ?? 0;
    assert.ok(median >= 8 && median <= 20, `median ${median} addresses a postcode`);
    for (const list of byPostcode.values()) assert.equal(new Set(list.map((a) => a.usrn)).size, 1);
  });

  it('includes named houses, flats, M60 sections and unadopted roads', () => {
    assert.ok(demo.addresses.some((a) => /^Flat \d+$/.test(a.line1)));
    assert.ok(demo.addresses.some((a) => /^[A-Z][a-z]/.test(a.line1) && !a.line1.startsWith('Flat')));
    const motorway = demo.streets.filter((s) => s.responsibility === 'national_highways');
    assert.ok(motorway.length >= 3 && motorway.every((s) => s.name === 'M60'));
    const unadopted = demo.streets.filter((s) => s.responsibility === 'private');
    assert.ok(unadopted.length >= 3);
    const localities = new Set(demo.streets.map((s) => s.locality));
    for (const place of ['Heaton Moor', 'Bramhall', 'Marple', 'Cheadle', 'Edgeley', 'Reddish']) assert.ok(localities.has(place), place);
  });
});
