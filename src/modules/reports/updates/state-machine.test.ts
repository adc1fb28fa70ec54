import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportState } from '../contracts.ts';
import { ALL_STATES, CLOSED_STATES, OPEN_STATES } from '../states.ts';
import { canReopen, transitionProblem } from './state-machine.ts';

const DAY = 24 * 3600 * 1000;

describe('which state changes are allowed', () => {
  it('lets staff and contractors move an open report to any other state', () => {
    for (const from of OPEN_STATES) {
      for (const to of ALL_STATES.filter((s) => s !== from)) {
        assert.equal(transitionProblem(from, to, 'staff'), null, `staff ${from} → ${to}`);
        assert.equal(transitionProblem(from, to, 'contractor'), null, `contractor ${from} → ${to}`);
      }
    }
  });

  it('refuses a change to the state the report is already in', () => {
    assert.equal(transitionProblem('investigating', 'investigating', 'staff'), 'The report is already investigating');
  });

  it('lets a fixed report be worked on again by anyone working on it, but only staff close it', () => {
    assert.equal(transitionProblem('fixed', 'in_progress', 'contractor'), null);
    assert.equal(transitionProblem('fixed', 'open', 'open311'), null);
    assert.equal(transitionProblem('fixed', 'closed_no_further_action', 'staff'), null);
    assert.match(transitionProblem('fixed', 'closed_no_further_action', 'contractor') ?? '', /only staff/);
  });

  it('keeps closed reports closed unless staff change them', () => {
    for (const from of CLOSED_STATES) {
      const to: ReportState = 'open';
      assert.equal(transitionProblem(from, to, 'staff'), null);
      for (const who of ['contractor', 'open311', 'system'] as const) assert.match(transitionProblem(from, to, who) ?? '', /closed: only staff/);
    }
  });

  it('never lets residents set a state directly', () => {
    assert.match(transitionProblem('open', 'fixed', 'resident') ?? '', /Residents cannot/);
  });
});

describe('reopening a fixed report', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('is allowed up to 28 days after the fix', () => {
    assert.deepEqual(canReopen('fixed', new Date(now.getTime() - 28 * DAY), now), { ok: true });
  });

  it('is refused after 28 days, and for reports that are not fixed', () => {
    const late = canReopen('fixed', new Date(now.getTime() - 28 * DAY - 60_000), now);
    assert.equal(late.ok, false);
    assert.equal(canReopen('open', null, now).ok, false);
    assert.equal(canReopen('closed_duplicate', new Date(now.getTime() - DAY), now).ok, false);
  });
});
