import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { generateDemoGazetteer, seedDemoGazetteer } from '../../../src/platform/geo/demo.ts';
import type { Gazetteer } from '../../../src/platform/geo/gazetteer.ts';
import { Geography } from '../../../src/platform/geo/geography.ts';
import { lineLengthMetres, pointAlong } from '../../../src/platform/geo/distance.ts';

describe('the demo gazetteer in the database', () => {
  let t: TestPlatform;
  let gazetteer: Gazetteer;
  const demo = generateDemoGazetteer(Geography.load());
  const stages: string[] = [];
  let seedMilliseconds = 0;

  before(async () => {
    t = await createTestPlatform();
    gazetteer = t.platform.services.gazetteer;
    const started = performance.now();
    await seedDemoGazetteer(t.platform.services, (label, done, total) => {
      if (done === total) stages.push(`${label}: ${total}`);
    });
    seedMilliseconds = performance.now() - started;
  });
  after(async () => t.close());

  it('loads the generated borough quickly, reporting progress, and only once', async () => {
    assert.deepEqual(await gazetteer.counts(), { addresses: demo.addresses.length, streets: demo.streets.length });
    assert.deepEqual(stages, [`Demo streets: ${demo.streets.length}`, `Demo addresses: ${demo.addresses.length}`]);
    assert.ok(seedMilliseconds < 3000, `seeding took ${Math.round(seedMilliseconds)} ms`);

    await seedDemoGazetteer(t.platform.services, () => assert.fail('a second seed writes nothing'));
    assert.deepEqual(await gazetteer.counts(), { addresses: demo.addresses.length, streets: demo.streets.length });
    const sources = await t.platform.services.db.selectFrom('gazetteer_addresses').select('source').distinct().execute();
    assert.deepEqual(sources, [{ source: 'demo' }]);
  });

  it('stores the same first rows the generator makes', async () => {
    const rows = await t.platform.services.db.selectFrom('gazetteer_addresses').selectAll().orderBy('uprn').limit(3).execute();
    assert.deepEqual(
      rows.map((r) => [r.uprn, r.line1, r.postcode, r.ward_code, r.lsoa_code]),
      demo.addresses.slice(0, 3).map((a) => [a.uprn, a.line1, a.postcode, a.wardCode, a.lsoaCode]),
    );
  });

  it('finds the addresses for a postcode however it is typed, in street order', async () => {
    const first = demo.addresses[0];
    assert.ok(first);
    const expected = demo.addresses.filter((a) => a.postcode === first.postcode);
    const found = await gazetteer.findByPostcode(first.postcode.toLowerCase().replace(' ', ''));
    assert.deepEqual(new Set(found.map((a) => a.uprn)), new Set(expected.map((a) => String(a.uprn))));
    assert.equal(found[0]?.label, `${first.line1}, ${first.line2}, Stockport, ${first.postcode}`);
    const numbers = found.map((a) => Number(/^(\d+) /.exec(a.lines.find((l) => /^\d/.test(l)) ?? '')?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.deepEqual(await gazetteer.findByPostcode('not a postcode'), []);
    assert.equal((await gazetteer.address(String(first.uprn)))?.postcode, first.postcode);
  });

  it('finds a street from a misspelt name', async () => {
    const street = demo.streets.find((s) => s.name === 'Windsor Lane') ?? demo.streets[1];
    assert.ok(street);
    const typo = street.name.replace(/^(\w)(\w)(\w)/, '$1$3$2');
    assert.notEqual(typo, street.name);
    const found = await gazetteer.searchStreets(typo);
    assert.equal(found[0]?.name, street.name, `searching for ${typo}`);
  });

  it('finds the street whose line passes nearest, even far from its middle', async () => {
    const motorway = demo.streets.find((s) => s.responsibility === 'national_highways');
    assert.ok(motorway);
    const end = motorway.geometry[motorway.geometry.length - 1];
    assert.ok(end);
    const nearest = await gazetteer.nearestStreet(end[0], end[1], 50.5);
    assert.equal(nearest?.usrn, String(motorway.usrn));
    assert.equal(nearest?.responsibility, 'national_highways');
    assert.ok((nearest?.distanceMetres ?? Infinity) < 1);
    assert.ok(lineLengthMetres(motorway.geometry) / 2 > 300, 'the end is far from the middle');

    const street = demo.streets[5];
    assert.ok(street);
    const [lon, lat] = pointAlong(street.geometry, 30);
    assert.equal((await gazetteer.nearestStreet(lon, lat))?.name, street.name);
    assert.equal(await gazetteer.nearestStreet(-2.244, 53.481), null);
  });

  it('knows which postcodes are in the borough', async () => {
    const first = demo.addresses[0];
    assert.ok(first);
    assert.equal(await gazetteer.postcodeInBorough(first.postcode), true);
    assert.equal(await gazetteer.postcodeInBorough('M1 1AA'), false);
    assert.equal(await gazetteer.postcodeInBorough('nonsense'), false);
  });
});
