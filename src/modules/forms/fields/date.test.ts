import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit, TODAY } from '../testing.ts';

const parts = (day: string, month: string, year: string) => ({ 'when-day': day, 'when-month': month, 'when-year': year });

describe('date field', () => {
  const when = makeField({ type: 'date', name: 'when', label: 'Date of collection', past: true });

  it('reads day, month and year into an ISO day, accepting month names', async () => {
    assert.equal((await submit(when, parts('3', '5', '2026'))).value, '2026-05-03');
    assert.equal((await submit(when, parts('03', 'May', '2026'))).value, '2026-05-03');
    assert.equal((await submit(when, parts('3', 'sept', '2025'))).value, '2025-09-03');
  });

  it('says which part is missing, or that the date is not real', async () => {
    assert.deepEqual((await submit(when, parts('', '', ''))).errors, ['Enter date of collection']);
    assert.deepEqual((await submit(when, parts('3', '', '2026'))).errors, ['Date of collection must include a month']);
    assert.deepEqual((await submit(when, parts('', '', '2026'))).errors, ['Date of collection must include a day and month']);
    assert.deepEqual((await submit(when, parts('31', '4', '2026'))).errors, ['Date of collection must be a real date']);
    assert.deepEqual((await submit(when, parts('29', '2', '2025'))).errors, ['Date of collection must be a real date']);
    assert.deepEqual((await submit(when, parts('3', '5', '26'))).errors, ['Year must include 4 numbers']);
    assert.deepEqual((await submit(when, parts('3', 'Smarch', '2026'))).errors, ['Date of collection must be a real date']);
  });

  it('links the error to the first missing box and marks only the boxes at fault', async () => {
    const { reading } = await submit(when, parts('3', '', ''));
    assert.equal(reading.errors[0]?.href, '#when-month');
    const view = reading.view(reading.errors, { asHeading: false });
    const items = view.params.items as { name: string; classes: string }[];
    assert.deepEqual(items.map((i) => i.classes.includes('govuk-input--error')), [false, true, true]);
  });

  it('checks past, future and relative limits against today', async () => {
    assert.equal(TODAY, '2026-05-04');
    assert.deepEqual((await submit(when, parts('4', '5', '2026'))).errors, ['Date of collection must be in the past']);
    const future = makeField({ type: 'date', name: 'when', label: 'Date of collection', future: true });
    assert.deepEqual((await submit(future, parts('4', '5', '2026'))).errors, ['Date of collection must be in the future']);
    const soon = makeField({ type: 'date', name: 'when', label: 'Date of collection', earliest: { days: 2 }, latest: '2026-06-30' });
    assert.deepEqual((await submit(soon, parts('5', '5', '2026'))).errors, ['Date of collection must be the same as or after 6 May 2026']);
    assert.deepEqual((await submit(soon, parts('6', '5', '2026'))).errors, []);
    assert.deepEqual((await submit(soon, parts('1', '7', '2026'))).errors, ['Date of collection must be the same as or before 30 June 2026']);
  });

  it('shows a stored day in the boxes and as "4 June 2026"', () => {
    const view = when.view('2026-06-04', [], { asHeading: true });
    assert.deepEqual((view.params.items as { value: string }[]).map((i) => i.value), ['4', '6', '2026']);
    assert.deepEqual(when.summary('2026-06-04'), ['4 June 2026']);
    assert.deepEqual(when.summary('2026-02-30'), [], 'a stored value that is not a real day is no answer');
  });
});
