import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_STATES, CLOSED_STATES, OPEN_STATES } from '../states.ts';
import { stateFromUpdateStatus, stateNames, statesForFilter } from './statuses.ts';

describe('report states as Open311 statuses', () => {
  it('calls the core’s open states open and every other state closed', () => {
    for (const state of OPEN_STATES) assert.equal(stateNames[state].status, 'open', state);
    for (const state of ['fixed' as const, ...CLOSED_STATES]) assert.equal(stateNames[state].status, 'closed', state);
  });

  it('gives each state its own extended status, which an update can send back in any case', () => {
    const extended = ALL_STATES.map((s) => stateNames[s].extended);
    assert.equal(new Set(extended).size, ALL_STATES.length);
    for (const state of ALL_STATES) {
      assert.equal(stateFromUpdateStatus(stateNames[state].extended.toUpperCase()), state);
      assert.equal(stateFromUpdateStatus(stateNames[state].extended), state);
    }
  });

  it('reads mySociety’s other words for states', () => {
    assert.equal(stateFromUpdateStatus('CLOSED'), 'closed_no_further_action');
    assert.equal(stateFromUpdateStatus('REOPEN'), 'open');
    assert.equal(stateFromUpdateStatus('PLANNED'), 'action_scheduled');
    assert.equal(stateFromUpdateStatus('LOST'), undefined);
  });

  it('filters by open, closed, or one extended status', () => {
    assert.deepEqual(statesForFilter('open'), [...OPEN_STATES]);
    assert.deepEqual(new Set(statesForFilter('closed')), new Set(['fixed', ...CLOSED_STATES]));
    assert.deepEqual(statesForFilter('Not_Councils_Responsibility'), ['closed_not_responsible']);
    assert.equal(statesForFilter('pending'), undefined);
  });
});
