import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('UK telephone field', () => {
  const phone = makeField({ type: 'phone', name: 'phone', label: 'Telephone number', shortName: 'your telephone number' });

  it('stores numbers in E.164 and shows them as people write them', async () => {
    const { value, errors } = await submit(phone, { phone: '07700 900 982' });
    assert.equal(value, '+447700900982');
    assert.deepEqual(errors, []);
    assert.deepEqual(phone.summary(value), ['07700 900982']);
    assert.equal(phone.view(value, [], { asHeading: false }).params.value, '07700 900982');
  });

  it('refuses what is not a UK number, and asks for one when required', async () => {
    assert.deepEqual((await submit(phone, { phone: '+1 202 555 0100' })).errors, ['Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']);
    assert.deepEqual((await submit(phone, {})).errors, ['Enter your telephone number']);
  });

  it('keeps what was typed when it is refused', async () => {
    const { reading } = await submit(phone, { phone: 'call me' });
    assert.equal(reading.view([], { asHeading: false }).params.value, 'call me');
  });
});
