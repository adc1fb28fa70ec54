import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from '../../../support/client.ts';
import { reportsDb } from '../../../../src/modules/reports/tables.ts';
import { assetOf, potholeAt, reportsPlatform, streetOf, streetlightReport, type ReportsTest } from '../support.ts';

interface MapFeature {
  type: string;
  geometry: { type: string; coordinates: number[] };
  properties: Record<string, unknown>;
}

describe('the map on the public list of reports', () => {
  let test: ReportsTest;
  const made: Record<'pothole' | 'fixed' | 'light' | 'hidden', { id: string; reference: string }> = { pothole: { id: '', reference: '' }, fixed: { id: '', reference: '' }, light: { id: '', reference: '' }, hidden: { id: '', reference: '' } };
  let potholeWard = '';
  before(async () => {
    test = await reportsPlatform();
    const street = await streetOf(test, 'council', 5);
    const secret = { name: 'Secret Reporter', email: 'secret.reporter@example.com', phone: '07700 900321', showName: false };
    made.pothole = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: secret }));
    made.fixed = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: secret }));
    await test.core.updates.apply({ reportId: made.fixed.id, from: 'open', to: 'fixed', actor: { kind: 'system', id: null } });
    made.light = await test.core.pipeline.submit(streetlightReport(await assetOf(test, 'streetlights', 'ok', 3), { reporter: secret }));
    made.hidden = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: secret }));
    await reportsDb(test.t.platform.services.db).updateTable('reports').set({ hidden: true }).where('id', '=', made.hidden.id).execute();
    potholeWard = (await test.core.records.find(made.pothole.id))?.wardCode ?? '';
    assert.ok(potholeWard);
  });
  after(async () => test.close());

  async function collection(query: string): Promise<{ body: string; features: MapFeature[] }> {
    const res = await test.t.app.inject({ method: 'GET', url: `/reports.geojson${query}` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/geo\+json/);
    const parsed: { type: string; features: MapFeature[]; truncated: boolean } = JSON.parse(res.body);
    assert.equal(parsed.type, 'FeatureCollection');
    assert.equal(parsed.truncated, false);
    return { body: res.body, features: parsed.features };
  }
  const references = (features: MapFeature[]) => features.map((f) => f.properties.reference).sort();

  it('is a GeoJSON FeatureCollection of points with public facts only', async () => {
    const { body, features } = await collection('');
    assert.deepEqual(references(features), [made.pothole.reference, made.fixed.reference, made.light.reference].sort(), 'hidden reports are left out');
    for (const f of features) {
      assert.equal(f.type, 'Feature');
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(f.geometry.coordinates.length === 2 && lon !== undefined && lat !== undefined && lon > -3 && lon < -1.9 && lat > 53.3 && lat < 53.5, 'a lon, lat point in the borough');
      assert.deepEqual(Object.keys(f.properties).sort(), ['category', 'reference', 'reported', 'status', 'statusText', 'street', 'url']);
      assert.equal(f.properties.url, `${test.t.config.baseUrl}/reports/${String(f.properties.reference)}`);
    }
    for (const secret of ['Secret Reporter', 'secret.reporter@example.com', '07700 900321', '+447700900321', 'A deep pothole', 'three nights']) assert.equal(body.includes(secret), false, `${secret} is not in the map's data`);
    const fixed = features.find((f) => f.properties.reference === made.fixed.reference);
    assert.equal(fixed?.properties.status, 'fixed');
    assert.equal(fixed?.properties.statusText, 'Fixed');
  });

  it('applies the list’s filters: ward, kind and status', async () => {
    assert.deepEqual(references((await collection('?category=streetlight')).features), [made.light.reference]);
    assert.deepEqual(references((await collection('?category=pothole&status=fixed')).features), [made.fixed.reference]);
    assert.deepEqual(references((await collection('?status=open&category=pothole')).features), [made.pothole.reference]);
    const inWard = references((await collection(`?ward=${potholeWard}`)).features);
    assert.ok(inWard.includes(made.pothole.reference));
    const otherWard = test.t.platform.services.geography.wards().find((w) => w.code !== potholeWard);
    assert.ok(otherWard);
    assert.equal(references((await collection(`?ward=${otherWard.code}`)).features).includes(made.pothole.reference), false);
  });

  it('gives the list page a hidden map, with the same filters, that its script shows; without reports there is no map at all', async () => {
    const client = new TestClient(test.t.app);
    const page = await client.get('/reports?category=pothole&status=open');
    assert.equal(page.statusCode, 200);
    const holder = /<div id="list-map"[^>]*>/.exec(page.body)?.[0] ?? '';
    assert.match(holder, /\shidden>$/, 'hidden until the script has points to show');
    assert.match(holder, /data-source="\/reports\.geojson\?category=pothole&amp;status=open"/);
    assert.match(page.body, /<script type="module" src="\/reports\/list-map\/list-map\.js" nonce="[^"]+"><\/script>/);
    assert.match(page.body, /<table/, 'the list is there without JavaScript');

    const script = await client.get('/reports/list-map/list-map.js');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
    assert.equal((await client.get('/reports/list-map/report-map.js')).statusCode, 404, 'only its own script is served there');

    const empty = await client.get('/reports?category=streetlight&status=fixed');
    assert.doesNotMatch(empty.body, /id="list-map"/);
    assert.match(empty.body, /No reports match these filters/);
  });
});
