import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GazetteerFileError, readHeader, readRow, tidy } from './import-columns.ts';
import { orderAlong } from './import-streets.ts';

const LINES_HEADER = ['uprn', 'Address Line 1', 'ADDRESS_LINE_2', 'TOWN_NAME', 'POSTCODE', 'LATITUDE', 'LONGITUDE'];
const PARTS_HEADER = ['UPRN', 'USRN', 'SAO_TEXT', 'PAO_TEXT', 'PAO_START_NUMBER', 'PAO_END_NUMBER', 'STREET_DESCRIPTION', 'LOCALITY', 'TOWN_NAME', 'POSTCODE_LOCATOR', 'X_COORDINATE', 'Y_COORDINATE'];

describe('reading a gazetteer file', () => {
  it('names every missing column when the header is wrong', () => {
    assert.throws(
      () => readHeader(['ID', 'ADDRESS', 'POSTCODE', 'LAT', 'LNG']),
      (error: unknown) =>
        error instanceof GazetteerFileError &&
        error.message.includes('UPRN') &&
        error.message.includes('LATITUDE and LONGITUDE (or X_COORDINATE and Y_COORDINATE)') &&
        error.message.includes('ADDRESS_LINE_1') &&
        error.message.includes('TOWN_NAME') &&
        !error.message.includes('POSTCODE (or'),
    );
  });

  it('reads a row of address lines with latitude and longitude', () => {
    const index = readHeader(LINES_HEADER);
    const row = readRow(index, ['100023336956', ' 12  Acre Lane ', 'Heaton Moor', 'Stockport', 'sk43da', '53.4215', '-2.1905']);
    assert.deepEqual(row, {
      ok: true,
      address: { uprn: 100023336956, usrn: null, lines: ['12 Acre Lane', 'Heaton Moor'], town: 'Stockport', postcode: 'SK4 3DA', lon: -2.1905, lat: 53.4215, street: null },
    });
  });

  it('builds lines from AddressBase parts in capitals, and converts grid references', () => {
    const index = readHeader(PARTS_HEADER);
    const row = readRow(index, ['1', '24002001', 'FLAT 2', 'ROSE COURT', '6', '8', "ST. MARY'S ROAD", 'EDGELEY', 'STOCKPORT', 'SK3 9ZZ', '389000', '390000']);
    assert.ok(row.ok);
    assert.deepEqual(row.address.lines, ['Flat 2, Rose Court', "6-8 St. Mary's Road", 'Edgeley']);
    assert.equal(row.address.town, 'Stockport');
    assert.deepEqual(row.address.street, { name: "St. Mary's Road", locality: 'Edgeley' });
    assert.ok(Math.abs(row.address.lat - 53.4067) < 0.0001 && Math.abs(row.address.lon + 2.1669) < 0.0001);
  });

  it('lists everything wrong with a bad row', () => {
    const index = readHeader(LINES_HEADER);
    const row = readRow(index, ['12a', '', 'x', '', 'SK99 ZZZ', '48.1', '-2.1']);
    assert.deepEqual(row, {
      ok: false,
      uprn: '12a',
      problems: ['UPRN is not a number', 'Postcode is not a valid UK postcode', 'Coordinates are outside Great Britain', 'Address line 1 is missing', 'Town is missing'],
    });
    assert.deepEqual(readRow(index, ['', '1 A Street', '', 'Stockport', '', 'north', '-2.1']), {
      ok: false,
      uprn: '',
      problems: ['UPRN is missing', 'Postcode is missing', 'Coordinates are not numbers'],
    });
  });

  it('turns capitals into the case people write addresses in', () => {
    assert.equal(tidy('HEATON MOOR ROAD'), 'Heaton Moor Road');
    assert.equal(tidy("O'NEILL HOUSE"), "O'Neill House");
    assert.equal(tidy('12A  HIGH   STREET'), '12A High Street');
    assert.equal(tidy('ASHTON-UNDER-LYNE'), 'Ashton-under-Lyne');
    assert.equal(tidy('McDonald Road'), 'McDonald Road');
  });

  it('orders a street’s addresses along it to make its line', () => {
    const line = orderAlong([
      [-2.1, 53.4],
      [-2.098, 53.4001],
      [-2.104, 53.3998],
      [-2.102, 53.3999],
      [-2.1, 53.4],
    ]);
    // The repeated point is dropped; the rest run from one end to the other, west to east or east to west.
    const lons = line.map(([lon]) => lon);
    const westToEast = [-2.104, -2.102, -2.1, -2.098];
    assert.ok(lons.join() === westToEast.join() || lons.join() === [...westToEast].reverse().join(), lons.join());
  });
});
