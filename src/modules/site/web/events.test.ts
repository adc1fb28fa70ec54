import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatOccurrence, formatTime, londonToInstant, occurrences } from './events.ts';

const from = new Date('2020-01-01T00:00:00Z');
const starts = (list: { start: Date }[]): string[] => list.map((o) => o.start.toISOString());

describe('event occurrences', () => {
  it('gives a one-off event once, and nothing once it has finished', () => {
    const event = { startsAt: '2026-03-10T18:00:00Z', endsAt: '2026-03-10T20:00:00Z', recurrence: null };
    assert.deepEqual(starts(occurrences(event, { from, limit: 10 })), ['2026-03-10T18:00:00.000Z']);
    assert.deepEqual(occurrences(event, { from: new Date('2026-03-10T19:59:00Z'), limit: 10 }).length, 1, 'still on');
    assert.deepEqual(occurrences(event, { from: new Date('2026-03-10T20:00:00Z'), limit: 10 }), []);
  });

  it('repeats weekly at the same London time across the change to summer time, until the last day', () => {
    // 6:30pm GMT on Tuesday 17 March 2026; the clocks go forward on Sunday 29 March.
    const event = { startsAt: '2026-03-17T18:30:00Z', endsAt: '2026-03-17T20:00:00Z', recurrence: { frequency: 'weekly' as const, until: '2026-04-07' } };
    const list = occurrences(event, { from, limit: 10 });
    assert.deepEqual(starts(list), ['2026-03-17T18:30:00.000Z', '2026-03-24T18:30:00.000Z', '2026-03-31T17:30:00.000Z', '2026-04-07T17:30:00.000Z']);
    assert.ok(list.every((o) => formatTime(o.start) === '6:30pm' && formatTime(o.end) === '8pm'));
  });

  it('repeats monthly on the same weekday of the month', () => {
    // The first Tuesday of February 2026 is the 3rd; then 3 March, 7 April, 5 May.
    const event = { startsAt: '2026-02-03T19:00:00Z', endsAt: '2026-02-03T21:00:00Z', recurrence: { frequency: 'monthly' as const, until: '2026-05-31' } };
    const days = occurrences(event, { from, limit: 10 }).map((o) => formatOccurrence(o));
    assert.deepEqual(days, [
      'Tuesday 3 February 2026, 7pm to 9pm',
      'Tuesday 3 March 2026, 7pm to 9pm',
      'Tuesday 7 April 2026, 7pm to 9pm',
      'Tuesday 5 May 2026, 7pm to 9pm',
    ]);
  });

  it('repeats an event on a fifth weekday on the last one of each month', () => {
    // Friday 30 January 2026 is the fifth Friday; February has four, so the 27th.
    const event = { startsAt: '2026-01-30T10:00:00Z', endsAt: '2026-01-30T11:00:00Z', recurrence: { frequency: 'monthly' as const, until: '2026-03-31' } };
    assert.deepEqual(starts(occurrences(event, { from, limit: 10 })), ['2026-01-30T10:00:00.000Z', '2026-02-27T10:00:00.000Z', '2026-03-27T10:00:00.000Z']);
  });

  it('skips dates already over and stops at the limit', () => {
    const event = { startsAt: '2026-01-05T09:00:00Z', endsAt: '2026-01-05T10:00:00Z', recurrence: { frequency: 'weekly' as const, until: '2026-12-31' } };
    assert.deepEqual(starts(occurrences(event, { from: new Date('2026-01-13T00:00:00Z'), limit: 2 })), ['2026-01-19T09:00:00.000Z', '2026-01-26T09:00:00.000Z']);
  });
});

describe('London time', () => {
  it('finds the instant for a wall-clock time in winter and in summer', () => {
    assert.equal(londonToInstant({ year: 2026, month: 0, day: 15, hour: 9, minute: 0 }).toISOString(), '2026-01-15T09:00:00.000Z');
    assert.equal(londonToInstant({ year: 2026, month: 6, day: 15, hour: 9, minute: 0 }).toISOString(), '2026-07-15T08:00:00.000Z');
  });

  it('writes times the GOV.UK way', () => {
    assert.equal(formatTime(new Date('2026-01-15T12:00:00Z')), 'midday');
    assert.equal(formatTime(new Date('2026-01-15T00:00:00Z')), 'midnight');
    assert.equal(formatTime(new Date('2026-07-15T08:05:00Z')), '9:05am');
    assert.equal(formatOccurrence({ start: new Date('2026-01-15T22:00:00Z'), end: new Date('2026-01-16T02:00:00Z') }), 'Thursday 15 January 2026 at 10pm to Friday 16 January 2026 at 2am');
  });
});
