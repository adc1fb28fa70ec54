import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, refusals, submit } from '../testing.ts';

describe('number field', () => {
  const points = makeField({ type: 'number', name: 'points', label: 'Points', integer: true, min: 0, max: 12, suffix: 'points' });

  it('stores numbers as numbers, read as people type them', async () => {
    assert.equal((await submit(points, { points: ' 8 ' })).value, 8);
    const money = makeField({ type: 'number', name: 'amount', label: 'Amount' });
    assert.equal((await submit(money, { amount: '1,200.50' })).value, 1200.5);
    assert.equal((await submit(money, { amount: '-3' })).value, -3);
  });

  it('says what is wrong in GOV.UK words', async () => {
    assert.deepEqual((await submit(points, {})).errors, ['Enter points']);
    assert.deepEqual((await submit(points, { points: 'eight' })).errors, ['Points must be a number']);
    assert.deepEqual((await submit(points, { points: '1e3' })).errors, ['Points must be a number']);
    assert.deepEqual((await submit(points, { points: '2.5' })).errors, ['Points must be a whole number']);
    assert.deepEqual((await submit(points, { points: '13' })).errors, ['Points must be between 0 and 12']);
    const atLeast = makeField({ type: 'number', name: 'count', label: 'Count', min: 1 });
    assert.deepEqual((await submit(atLeast, { count: '0' })).errors, ['Count must be 1 or more']);
    const atMost = makeField({ type: 'number', name: 'count', label: 'Count', max: 5 });
    assert.deepEqual((await submit(atMost, { count: '6' })).errors, ['Count must be 5 or less']);
  });

  it('shows the number with its unit in summaries', () => {
    assert.deepEqual(points.summary(8), ['8 points']);
    assert.deepEqual(points.summary('8'), [], 'a stored answer that is not a number is no answer');
  });

  it('refuses a range whose minimum is above its maximum', () => {
    assert.deepEqual(refusals({ type: 'number', name: 'n', label: 'N', min: 5, max: 1 }), ['min: min must not be more than max']);
  });
});
