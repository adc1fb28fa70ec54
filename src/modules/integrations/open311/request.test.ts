import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportForContractor } from '../ports.ts';
import { describedAs, isRequestFor, requestFields, splitName } from './request.ts';
import { stateFor } from './statuses.ts';

const report: ReportForContractor = {
  id: 'r1',
  reference: 'SK-7Q2M-4',
  categoryCode: 'streetlight',
  state: 'open',
  lon: -2.1575,
  lat: 53.4084,
  description: 'Dark all night',
  locationDescription: 'By the bus stop',
  answers: { problem: 'not_working', hazards: ['exposed_wires', 'leaning'], notes: '', count: 2, nested: { no: 'objects' }, 'bad code!': 'x', council_reference: 'forged' },
  reporter: { name: 'Mary Ann Evans', email: 'mary@example.org', phone: null },
  assetId: 'SL-1',
  usrn: null,
  photoUrls: ['https://council.example/files/p1.jpg', 'https://council.example/files/p2.jpg'],
  createdAt: new Date('2026-06-04T14:15:00Z'),
};

describe('the Open311 service request we post', () => {
  it('carries the report as GeoReport form fields, answers as attributes', () => {
    const fields = requestFields(report, 'SL1');
    assert.deepEqual([...fields.entries()], [
      ['service_code', 'SL1'],
      ['lat', '53.4084'],
      ['long', '-2.1575'],
      ['description', 'Council reference: SK-7Q2M-4\n\nDark all night\n\nWhere: By the bus stop'],
      ['address_string', 'By the bus stop'],
      ['email', 'mary@example.org'],
      ['first_name', 'Mary Ann'],
      ['last_name', 'Evans'],
      ['media_url', 'https://council.example/files/p1.jpg'],
      ['attribute[council_reference]', 'SK-7Q2M-4'],
      ['attribute[asset_id]', 'SL-1'],
      ['attribute[problem]', 'not_working'],
      ['attribute[hazards][]', 'exposed_wires'],
      ['attribute[hazards][]', 'leaning'],
      ['attribute[count]', '2'],
    ]);
  });

  it('keeps the description within GeoReport’s 4,000 characters, our reference first', () => {
    const long = describedAs({ ...report, description: 'x'.repeat(5000) });
    assert.equal(long.length, 4000);
    assert.ok(isRequestFor(long, 'SK-7Q2M-4'));
  });

  it('recognises its own request by the reference line, not by a reference that merely starts the same', () => {
    assert.equal(isRequestFor('Council reference: SK-7Q2M-4\r\n\r\nDark', 'SK-7Q2M-4'), true);
    assert.equal(isRequestFor('Council reference: SK-7Q2M-45\n\nDark', 'SK-7Q2M-4'), false);
    assert.equal(isRequestFor(undefined, 'SK-7Q2M-4'), false);
  });

  it('splits a name into given and family names', () => {
    assert.deepEqual(splitName('  Cher '), { first: 'Cher', last: '' });
    assert.deepEqual(splitName('Mary Ann Evans'), { first: 'Mary Ann', last: 'Evans' });
  });
});

describe('contractors’ statuses as report states', () => {
  it('knows GeoReport’s and mySociety’s statuses however they are written', () => {
    assert.equal(stateFor('ACTION_SCHEDULED'), 'action_scheduled');
    assert.equal(stateFor('action scheduled'), 'action_scheduled');
    assert.equal(stateFor('Not-Councils-Responsibility'), 'closed_not_responsible');
    assert.equal(stateFor('closed'), 'fixed');
    assert.equal(stateFor('unable_to_fix'), 'closed_no_further_action');
    assert.equal(stateFor('constructor'), undefined);
    assert.equal(stateFor('AWAITING_PARTS'), undefined);
  });
});
