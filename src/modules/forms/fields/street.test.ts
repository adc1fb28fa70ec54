import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';
import type { StreetFinderView } from './street-finder.ts';

describe('street field', () => {
  const street = makeField({ type: 'street', name: 'road', label: 'Which street?' });
  const finder = (r: Awaited<ReturnType<typeof submit>>) => r.reading.view(r.reading.errors, { asHeading: false }).params.view as StreetFinderView;

  it('searches by part of the name, then stores the street chosen', async () => {
    const found = await submit(street, { roadStep: 'search', roadQuery: 'mersey', roadAction: 'search' });
    assert.equal(found.reading.stay, true);
    assert.deepEqual(finder(found).results.map((r) => r.text), ['Mersey Road, Heaton Mersey, Stockport', 'Mersey Square, Stockport']);
    const chosen = await submit(street, { roadStep: 'choose', roadQuery: 'mersey', roadUsrn: '7000002' });
    assert.deepEqual(chosen.value, { usrn: '7000002', name: 'Mersey Square', locality: null, town: 'Stockport', lon: -2.159, lat: 53.409 });
    assert.deepEqual(street.summary(chosen.value), ['Mersey Square, Stockport']);
  });

  it('says what is wrong with a search', async () => {
    assert.deepEqual((await submit(street, { roadStep: 'search', roadQuery: '' })).errors, ['Enter a street name']);
    assert.deepEqual((await submit(street, { roadStep: 'search', roadQuery: 'm' })).errors, ['Street name must be 2 characters or more']);
    assert.deepEqual((await submit(street, { roadStep: 'search', roadQuery: 'Zebra Crescent' })).errors, ['We could not find a street called ‘Zebra Crescent’ – check the spelling or enter part of the name']);
    assert.deepEqual((await submit(street, { roadStep: 'choose', roadQuery: 'mersey' })).errors, ['Select a street']);
  });

  it('accepts only a street from the search’s list, and a kept street only if the gazetteer has it', async () => {
    assert.deepEqual((await submit(street, { roadStep: 'choose', roadQuery: 'square', roadUsrn: '7000001' })).errors, ['Select a street']);
    const kept = await submit(street, { roadStep: 'chosen', roadUsrn: '7000001' });
    assert.equal((kept.value as { name: string }).name, 'Mersey Road');
    const forged = await submit(street, { roadStep: 'chosen', roadUsrn: '999' });
    assert.equal(forged.value, undefined);
    assert.equal(forged.reading.stay, true, 'back to searching');
  });

  it('searches again when asked', async () => {
    const again = await submit(street, { roadStep: 'chosen', roadUsrn: '7000001', roadAction: 'change' });
    assert.equal(finder(again).step, 'search');
  });
});
