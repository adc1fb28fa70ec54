import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('address field', () => {
  const home = makeField({ type: 'address', name: 'home', label: 'Your address', inBorough: true });

  it('finds addresses for a postcode, then stores the one chosen with its UPRN', async () => {
    const found = await submit(home, { homeStep: 'postcode', homePostcode: 'sk4 3da', homeAction: 'find' });
    assert.equal(found.reading.stay, true, 'the page shows again with the addresses');
    assert.deepEqual(found.errors, []);
    const view = found.reading.view([], { asHeading: false }).params.view as { step: string; addresses: unknown[] };
    assert.equal(view.step, 'choose');
    assert.equal(view.addresses.length, 2);
    const chosen = await submit(home, { homeStep: 'choose', homePostcode: 'SK4 3DA', homeUprn: '100011002' });
    assert.deepEqual(chosen.value, { uprn: '100011002', lines: ['10 Mersey Road', 'Heaton Mersey'], town: 'Stockport', postcode: 'SK4 3DA' });
    assert.deepEqual(chosen.errors, []);
    assert.deepEqual(home.summary(chosen.value), ['10 Mersey Road', 'Heaton Mersey', 'Stockport', 'SK4 3DA']);
  });

  it('takes only a UPRN from the postcode’s own list', async () => {
    const tampered = await submit(home, { homeStep: 'choose', homePostcode: 'SK4 3DA', homeUprn: '200022001' });
    assert.equal(tampered.value, undefined);
    assert.deepEqual(tampered.errors, ['Select an address']);
  });

  it('refuses an address outside the borough when the form asks for one inside it', async () => {
    const outside = await submit(home, { homeStep: 'choose', homePostcode: 'M1 1AA', homeUprn: '200022001' });
    assert.deepEqual(outside.errors, ['Enter an address in Stockport']);
    const anywhere = makeField({ type: 'address', name: 'home', label: 'Your address' });
    assert.deepEqual((await submit(anywhere, { homeStep: 'choose', homePostcode: 'M1 1AA', homeUprn: '200022001' })).errors, []);
  });

  it('takes an address typed in by hand, with the finder’s messages', async () => {
    const missing = await submit(home, { homeStep: 'manual', homeLine1: '', homeTown: '', homePostcode: '' });
    assert.deepEqual(missing.errors, ['Enter a postcode', 'Enter address line 1, typically the building and street', 'Enter town or city']);
    assert.deepEqual(missing.reading.errors.map((e) => e.href), ['#home-postcode', '#home-line-1', '#home-town']);
    const typed = await submit(home, { homeStep: 'manual', homeLine1: 'Flat 3, 7 Acre Lane', homeLine2: '', homeTown: 'Stockport', homePostcode: 'sk4 3da' });
    assert.deepEqual(typed.value, { lines: ['Flat 3, 7 Acre Lane'], town: 'Stockport', postcode: 'SK4 3DA' });
  });

  it('shows a stored address ready to check or change', () => {
    const view = home.view({ uprn: '100011001', lines: ['2 Mersey Road'], town: 'Stockport', postcode: 'SK4 3DA' }, [], { asHeading: false }).params.view as { step: string; line1: string; uprn: string };
    assert.deepEqual([view.step, view.line1, view.uprn], ['manual', '2 Mersey Road', '100011001']);
    assert.equal(home.canBePageHeading, false, 'the finder has its own legend, so the page needs a title');
  });
});
