import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReportRejected } from '../../../src/modules/reports/index.ts';
import { distanceToLineMetres } from '../../../src/platform/geo/distance.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { assetOf, distanceMetres, east, potholeAt, reportsPlatform, streetlightReport, streetOf, type ReportsTest } from './support.ts';

describe('locating a problem', () => {
  let test: ReportsTest;
  before(async () => {
    test = await reportsPlatform();
  });
  after(async () => test.close());

  it('finds a council street, its ward, and no reports yet', async () => {
    const street = await streetOf(test, 'council');
    const found = await test.core.pipeline.locate('pothole', ...street.middle);
    assert.equal(found.responsibility, 'council');
    assert.equal(found.responsibleMessage, undefined);
    assert.deepEqual(found.street, { usrn: street.usrn, name: street.name });
    assert.ok(found.ward?.code.startsWith('E05'), 'a ward code');
    assert.equal(found.asset, null);
    assert.deepEqual(found.nearby, []);
  });

  it('sends motorway problems to National Highways, with their number', async () => {
    const motorway = await streetOf(test, 'national_highways');
    const found = await test.core.pipeline.locate('pothole', ...motorway.middle);
    assert.equal(found.responsibility, 'national_highways');
    assert.equal(found.responsibleMessage, 'National Highways looks after motorways and major A roads: report it at nationalhighways.co.uk or call 0300 123 5000.');
  });

  it('says a private road is not the council’s to maintain', async () => {
    const road = await streetOf(test, 'private');
    const found = await test.core.pipeline.locate('pothole', ...road.middle);
    assert.equal(found.responsibility, 'private');
    assert.match(found.responsibleMessage ?? '', /^This road is not maintained by the council/);
  });

  it('says a place outside the borough is for the council there', async () => {
    const manchesterTownHall: [number, number] = [-2.2446, 53.4794];
    const found = await test.core.pipeline.locate('pothole', ...manchesterTownHall);
    assert.equal(found.responsibility, 'outside_borough');
    assert.equal(found.responsibleMessage, 'This place is outside Stockport. Contact the council for the area it is in.');
    assert.equal(found.ward, null);
    assert.equal(found.street, null);
  });

  it('refuses coordinates that are not on the earth, and categories it does not know', async () => {
    for (const [lon, lat] of [
      [-200, 53.4],
      [-2.1, 91],
      [Number.NaN, 53.4],
      [-2.1, Number.POSITIVE_INFINITY],
    ] as const) {
      await assert.rejects(test.core.pipeline.locate('pothole', lon, lat), (error: unknown) => error instanceof ReportRejected && error.field === 'location', `${lon},${lat}`);
    }
    const street = await streetOf(test, 'council');
    await assert.rejects(test.core.pipeline.locate('graffiti', ...street.middle), (error: unknown) => error instanceof ReportRejected && error.field === 'category');
  });

  it('uses the asset’s own place and says whether it can be reported', async () => {
    const light = await assetOf(test, 'streetlights');
    const found = await test.core.pipeline.locate('streetlight', light.lon + 0.001, light.lat, light.id.toLowerCase().replace('-', ' '));
    assert.equal(found.responsibility, 'council');
    assert.deepEqual(found.asset, { id: light.id, layer: 'streetlights', status: 'reportable' });
    assert.equal(found.street?.usrn, String(light.usrn));

    const planned = await assetOf(test, 'streetlights', 'in_programme');
    assert.equal((await test.core.pipeline.locate('streetlight', planned.lon, planned.lat, planned.id)).asset?.status, 'in_programme');

    await assert.rejects(test.core.pipeline.locate('streetlight', light.lon, light.lat, 'SL-99999'), (error: unknown) => error instanceof ReportRejected && error.field === 'asset' && /could not find streetlight SL-99999/.test(error.message));
  });

  it('finds open reports of the same kind within 50 metres, nearest first, and not further or of another kind', async () => {
    const street = await streetOf(test, 'council', 3);
    const near = await test.core.pipeline.submit(potholeAt(street.middle));
    const other = await test.core.pipeline.submit(potholeAt(east(street.middle, 30)));
    const here = east(street.middle, 5);
    const found = await test.core.pipeline.locate('pothole', ...here);
    const references = found.nearby.map((n) => n.reference);
    assert.ok(references.includes(near.reference) && references.includes(other.reference), 'both are close by');
    const [first] = found.nearby;
    assert.ok(first && first.distanceMetres <= 10, 'the nearest comes first');
    assert.ok(found.nearby.every((n) => n.distanceMetres <= 50 && n.categoryCode === 'pothole' && n.state === 'open'));

    // A place 400 m away has none of these as duplicates; nor is a fixed report a duplicate.
    const far = await test.core.pipeline.locate('pothole', ...east(street.middle, 400));
    assert.ok(!far.nearby.some((n) => n.reference === near.reference));
    await test.core.updates.apply({ reportId: near.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' } });
    const afterFix = await test.core.pipeline.locate('pothole', ...here);
    assert.ok(!afterFix.nearby.some((n) => n.reference === near.reference), 'fixed reports are not duplicates');
  });

  it('counts a report on the same asset as a duplicate wherever its point is, and marks the asset reported', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 5);
    const first = await test.core.pipeline.submit(streetlightReport(light));
    // Move the first report 300 m away: only the asset now ties the two together.
    await reportsDb(test.t.platform.services.db).updateTable('reports').set({ lat: light.lat + 0.003 }).where('id', '=', first.id).execute();
    const found = await test.core.pipeline.locate('streetlight', light.lon, light.lat, light.id);
    assert.equal(found.asset?.status, 'reported');
    const same = found.nearby.find((n) => n.reference === first.reference);
    assert.ok(same, 'the report on the same asset is listed');
    assert.equal(same.assetId, light.id);
    assert.ok(same.distanceMetres > 250);
  });

  it('moves a pothole onto its street, keeping the ward', async () => {
    const street = await streetOf(test, 'council', 7);
    const beside: [number, number] = [street.middle[0], street.middle[1] + 0.00008];
    const { id } = await test.core.pipeline.submit(potholeAt(beside));
    const stored = await test.core.records.find(id);
    assert.ok(stored);
    assert.ok(distanceToLineMetres([stored.lon, stored.lat], street.line) < 0.5, 'on the street’s line');
    assert.ok(distanceMetres([stored.lon, stored.lat], beside) < 12);
    assert.equal(stored.usrn, street.usrn);
    assert.ok(stored.wardCode);
  });
});
