import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('location field', () => {
  const where = makeField({ type: 'location', name: 'where', label: 'Where is the problem?' });

  it('stores the street, the description and the street’s point, ignoring a posted point', async () => {
    const { value, errors } = await submit(where, { whereStep: 'choose', whereQuery: 'road', whereUsrn: '7000001', whereDescription: 'Outside number 12', whereLon: '0', whereLat: '0' });
    assert.deepEqual(errors, []);
    assert.deepEqual(value, {
      street: { usrn: '7000001', name: 'Mersey Road', locality: 'Heaton Mersey', town: 'Stockport', lon: -2.2, lat: 53.41 },
      description: 'Outside number 12',
      lon: -2.2,
      lat: 53.41,
    });
    assert.deepEqual(where.summary(value), ['Mersey Road, Heaton Mersey, Stockport', 'Outside number 12']);
  });

  it('asks where on the street once the street is chosen', async () => {
    const { reading, errors } = await submit(where, { whereStep: 'choose', whereQuery: 'road', whereUsrn: '7000001', whereDescription: '' });
    assert.deepEqual(errors, ['Describe where it is on the street']);
    assert.equal(reading.errors[0]?.href, '#where-description');
  });

  it('keeps the description while the street is searched for', async () => {
    const { reading } = await submit(where, { whereStep: 'search', whereQuery: 'mersey', whereAction: 'search', whereDescription: 'By the bus stop' });
    assert.equal(reading.stay, true);
    const params = reading.view([], { asHeading: false }).params as { description: { value: string } };
    assert.equal(params.description.value, 'By the bus stop');
  });
});
