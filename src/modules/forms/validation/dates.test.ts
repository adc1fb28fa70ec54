import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, formatDay, isIsoDay, realDay, resolveDay, todayInLondon } from './dates.ts';

describe('days', () => {
  it('are today in London, not in UTC', () => {
    assert.equal(todayInLondon(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    assert.equal(todayInLondon(new Date('2026-01-31T23:30:00Z')), '2026-01-31');
  });

  it('are real calendar days only', () => {
    assert.equal(realDay(2024, 2, 29), '2024-02-29');
    assert.equal(realDay(2025, 2, 29), null);
    assert.equal(realDay(2026, 4, 31), null);
    assert.equal(realDay(2026, 13, 1), null);
    assert.equal(isIsoDay('2026-02-30'), false);
  });

  it('add up as a calendar does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }), (a, b) => {
        const start = '2026-05-04';
        assert.equal(addDays(addDays(start, a), b), addDays(start, a + b));
        assert.equal(addDays(start, a) < addDays(start, b), a < b);
      }),
    );
  });

  it('resolve "today" and relative days', () => {
    assert.equal(resolveDay('today', '2026-05-04'), '2026-05-04');
    assert.equal(resolveDay({ days: -14 }, '2026-05-04'), '2026-04-20');
    assert.equal(resolveDay('2026-01-01', '2026-05-04'), '2026-01-01');
    assert.equal(formatDay('2026-06-04'), '4 June 2026');
  });
});
