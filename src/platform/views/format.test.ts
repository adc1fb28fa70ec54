import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from './index.ts';

describe('dates in GOV.UK style', () => {
  it('writes the day and, when asked, the time in London', () => {
    assert.equal(formatDate(new Date('2026-06-04T11:52:00Z')), '4 June 2026');
    assert.equal(formatDate(new Date('2026-06-04T11:52:00Z'), true), '4 June 2026 at 12:52pm');
    assert.equal(formatDate(new Date('2026-01-04T00:05:00Z'), true), '4 January 2026 at 12:05am');
    assert.equal(formatDate('2026-11-26T15:30:00Z', true), '26 November 2026 at 3:30pm');
  });

  it('gives nothing for a missing or broken date', () => {
    assert.equal(formatDate(undefined), '');
    assert.equal(formatDate('not a date'), '');
  });
});
