import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { GazetteerFileError, importGazetteer } from '../../../src/platform/geo/import.ts';

const fixtures = path.resolve('test/fixtures/gazetteer');

/** Copies a fixture to a scratch folder, since the import writes its error report beside the file. */
function scratchCopy(name: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lastmile-gazetteer-')), name);
  copyFileSync(path.join(fixtures, name), file);
  return file;
}

describe('importing a gazetteer file', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  it('loads the good rows of an address-lines file with latitude and longitude, and reports the bad ones by line', async () => {
    const file = scratchCopy('addresses-latlon.csv');
    const labels = new Set<string>();
    const report = await importGazetteer(t.platform.services, file, (label) => labels.add(label));
    assert.deepEqual(report, { imported: 6, rejected: 6, streets: 2, errorReport: file.replace(/\.csv$/, '.errors.csv') });
    assert.deepEqual([...labels], ['Importing addresses', 'Deriving streets']);
    assert.deepEqual(readFileSync(report.errorReport ?? '', 'utf8').trim().split('\n'), [
      'line,uprn,reason',
      '6,abc,UPRN is not a number',
      '7,100012345006,Postcode is not a valid UK postcode',
      '8,100012345007,Coordinates are outside Great Britain',
      '9,100012345008,Address line 1 is missing',
      '10,100012345001,UPRN is repeated (first seen on line 2)',
      '11,100012345010,USRN is not a number',
    ]);

    const gazetteer = t.platform.services.gazetteer;
    const found = await gazetteer.findByPostcode('SK4 4AA');
    assert.deepEqual(
      found.map((a) => a.label),
      ['1 Test Moor Road, Heaton Moor, Stockport, SK4 4AA', '3 Test Moor Road, Heaton Moor, Stockport, SK4 4AA', 'Flat 1, 5 Test Moor Road, Heaton Moor, Stockport, SK4 4AA'],
    );
    assert.equal(found[0]?.wardCode, 'E05015026'); // Heatons North
    const mill = await gazetteer.address('100012345012');
    assert.deepEqual(mill?.lines, ['The Old Mill', 'Mill Lane', 'Heaton Moor']);

    // Outside the borough: imported, but in no ward, so its postcode is not a Stockport one.
    assert.equal((await gazetteer.address('100012345011'))?.wardCode, null);
    assert.equal(await gazetteer.postcodeInBorough('M1 1AA'), false);
    assert.equal(await gazetteer.postcodeInBorough('SK4 4AA'), true);

    const street = await gazetteer.street('24001001');
    assert.equal(street?.name, 'Test Moor Road');
    assert.equal(street?.locality, null);
    assert.equal(street?.wardCode, 'E05015026');
    assert.equal((await gazetteer.nearestStreet(-2.1895, 53.4219, 50))?.usrn, '24001001');
  });

  it('loads AddressBase-style parts with British National Grid coordinates', async () => {
    const file = scratchCopy('addresses-bng.csv');
    const report = await importGazetteer(t.platform.services, file, () => undefined);
    assert.equal(report.imported, 4);
    assert.equal(report.rejected, 3);
    assert.deepEqual(readFileSync(report.errorReport ?? '', 'utf8').trim().split('\n').slice(1), [
      '6,100012346005,Coordinates are not numbers',
      '7,100012346006,Coordinates are outside Great Britain',
      '8,100012346007,Street description is missing',
    ]);
    const found = await t.platform.services.gazetteer.findByPostcode('SK3 9ZZ');
    assert.deepEqual(
      found.map((a) => a.lines),
      [['2 Grid Test Street', 'Edgeley'], ['4A Grid Test Street', 'Edgeley'], ['Flat 2, Rose Court', '6 Grid Test Street', 'Edgeley'], ['Ivy House', 'Grid Test Street', 'Edgeley']],
    );
    const first = found[0];
    assert.ok(first && Math.abs(first.lat - 53.4067) < 0.0001 && Math.abs(first.lon + 2.1669) < 0.0001);
    assert.equal(first.wardCode, 'E05015023'); // Edgeley
    const street = await t.platform.services.gazetteer.street('24002001');
    assert.deepEqual([street?.name, street?.locality, street?.town], ['Grid Test Street', 'Edgeley', 'Stockport']);
  });

  it('updates addresses on a second import but keeps who maintains a street', async () => {
    await t.platform.services.db.updateTable('gazetteer_streets').set({ responsibility: 'private' }).where('usrn', '=', 24002001).execute();
    const file = scratchCopy('addresses-bng.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('IVY HOUSE', 'IVY COTTAGE'));
    await importGazetteer(t.platform.services, file, () => undefined);
    assert.equal((await t.platform.services.gazetteer.address('100012346004'))?.lines[0], 'Ivy Cottage');
    assert.equal((await t.platform.services.gazetteer.street('24002001'))?.responsibility, 'private');
  });

  it('writes no error report for a clean file, and clears an old one', async () => {
    const file = scratchCopy('addresses-bng.csv');
    const errorReport = file.replace(/\.csv$/, '.errors.csv');
    writeFileSync(errorReport, 'stale');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 5).join('\n'));
    const report = await importGazetteer(t.platform.services, file, () => undefined);
    assert.deepEqual(report, { imported: 4, rejected: 0, streets: 1, errorReport: undefined });
    assert.equal(existsSync(errorReport), false);
  });

  it('reports a row that is not valid CSV and keeps the rows before it', async () => {
    const file = scratchCopy('addresses-latlon.csv');
    const [header = '', first = ''] = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [header, first.replace('100012345001', '100012345101'), '100012345102,,"1 Unclosed Street,x,,Stockport,SK4 4AA,53.42,-2.19,'].join('\n'));
    const report = await importGazetteer(t.platform.services, file, () => undefined);
    assert.equal(report.imported, 1);
    assert.equal(report.rejected, 1);
    assert.match(readFileSync(report.errorReport ?? '', 'utf8'), /^3,,"A quote \(""\) in this row is never closed, so the rest of the file could not be read"$/m);
  });

  it('refuses a file whose header lacks the columns it needs, naming them', async () => {
    const before = await t.platform.services.gazetteer.counts();
    await assert.rejects(
      importGazetteer(t.platform.services, scratchCopy('wrong-header.csv'), () => undefined),
      (error: unknown) => error instanceof GazetteerFileError && /missing these columns: UPRN; LATITUDE and LONGITUDE/.test(error.message),
    );
    await assert.rejects(importGazetteer(t.platform.services, path.join(fixtures, 'no-such-file.csv'), () => undefined), GazetteerFileError);
    const empty = scratchCopy('wrong-header.csv');
    writeFileSync(empty, '');
    await assert.rejects(importGazetteer(t.platform.services, empty, () => undefined), /is empty/);
    assert.deepEqual(await t.platform.services.gazetteer.counts(), before);
  });
});
