import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assetOf, reportsPlatform, streetlightReport, type ReportsTest } from './support.ts';

const DAY = 24 * 3600 * 1000;

interface Collection {
  type: string;
  truncated: boolean;
  features: { id: string; geometry: { coordinates: [number, number] }; properties: { id: string; status: string; statusText: string; programmeNote: string | null } }[];
}

describe('the map’s asset layers', () => {
  let test: ReportsTest;
  before(async () => {
    test = await reportsPlatform();
  });
  after(async () => test.close());

  const get = (url: string) => test.t.app.inject({ method: 'GET', url });
  const around = (lon: number, lat: number, d = 0.002) => `${lon - d},${lat - d},${lon + d},${lat + d}`;

  it('serves the streetlights in a box as GeoJSON, each saying whether it can be reported', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 30);
    const reported = await test.core.pipeline.submit(streetlightReport(light));
    await sql`update reports set created_at = ${new Date(Date.now() - 3 * DAY)} where id = ${reported.id}`.execute(test.t.platform.services.db);
    const planned = await assetOf(test, 'streetlights', 'in_programme');

    const res = await get(`/reports/assets/streetlights.geojson?bbox=${around(light.lon, light.lat)}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    const body: Collection = res.json();
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.truncated, false);
    const mine = body.features.find((f) => f.id === light.id);
    assert.ok(mine, 'the reported light is in its own box');
    assert.deepEqual(mine.geometry.coordinates, [light.lon, light.lat]);
    assert.equal(mine.properties.status, 'reported');
    assert.equal(mine.properties.statusText, 'Already reported 3 days ago');
    assert.ok(body.features.every((f) => f.id.startsWith('SL-')), 'only streetlights');
    assert.ok(body.features.some((f) => f.properties.status === 'reportable' && f.properties.statusText === 'No problems reported'));

    const programme: Collection = (await get(`/reports/assets/streetlights.geojson?bbox=${around(planned.lon, planned.lat, 0.0005)}`)).json();
    const inProgramme = programme.features.find((f) => f.id === planned.id);
    assert.equal(inProgramme?.properties.status, 'in_programme');
    assert.equal(inProgramme?.properties.statusText, `In a maintenance programme: ${planned.programme_note}`);
  });

  it('sends at most `limit` assets, nearest the middle first, and says there were more', async () => {
    const gully = await assetOf(test, 'gullies', 'ok', 3);
    const all: Collection = (await get(`/reports/assets/gullies.geojson?bbox=${around(gully.lon, gully.lat, 0.01)}`)).json();
    assert.ok(all.features.length > 3);
    const few: Collection = (await get(`/reports/assets/gullies.geojson?bbox=${around(gully.lon, gully.lat, 0.01)}&limit=3`)).json();
    assert.equal(few.features.length, 3);
    assert.equal(few.truncated, true);
    assert.equal(few.features[0]?.id, gully.id, 'the gully in the middle of the box comes first');
  });

  it('answers bad requests with a 400 and a JSON error, and unknown layers with a 404', async () => {
    const cases: [string, number, RegExp][] = [
      ['/reports/assets/streetlights.geojson', 400, /Give a bbox/],
      ['/reports/assets/streetlights.geojson?bbox=1,2,3', 400, /four numbers/],
      ['/reports/assets/streetlights.geojson?bbox=a,b,c,d', 400, /four numbers/],
      ['/reports/assets/streetlights.geojson?bbox=-2.15,53.40,-2.17,53.41', 400, /minimums must be less/],
      ['/reports/assets/streetlights.geojson?bbox=-2.40,53.30,-2.00,53.50', 400, /too big/],
      ['/reports/assets/streetlights.geojson?bbox=-2.17,53.40,-2.15,53.41&limit=99999', 400, /limit/],
      ['/reports/assets/benches.geojson?bbox=-2.17,53.40,-2.15,53.41', 404, /no asset layer/],
    ];
    for (const [url, status, message] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, status, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.match(res.json<{ error: string }>().error, message, url);
    }
  });

  it('finds an asset by its plate number however it is typed', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 2);
    const number = light.id.replace('SL-', '');
    assert.equal((await test.core.assets.find(`sl ${Number(number)}`))?.id, light.id);
    assert.equal(await test.core.assets.find(light.id, 'gullies'), null, 'not on another layer');
  });
});
