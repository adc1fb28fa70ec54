import { sql, type RawBuilder } from 'kysely';
import type { ReportState } from './contracts.ts';

/** Being dealt with: a resident can still add to it, and a new report nearby is probably the same problem. */
export const OPEN_STATES = ['open', 'investigating', 'action_scheduled', 'in_progress'] as const satisfies readonly ReportState[];
export const CLOSED_STATES = ['closed_not_responsible', 'closed_duplicate', 'closed_no_further_action', 'closed_internal_referral'] as const satisfies readonly ReportState[];
export const ALL_STATES: readonly ReportState[] = [...OPEN_STATES, 'fixed', ...CLOSED_STATES];

export function isOpen(state: ReportState): boolean {
  return OPEN_STATES.some((s) => s === state);
}

export function isClosed(state: ReportState): boolean {
  return CLOSED_STATES.some((s) => s === state);
}

/**
 * `state in ('open', …)` written out as constants, not parameters: the partial indexes on open
 * reports (003_reports.sql) are only used when the planner can see the query asks for exactly those.
 */
export const OPEN_STATES_SQL: RawBuilder<unknown> = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`);

/** How residents read each state. */
export const STATE_LABELS: Record<ReportState, string> = {
  open: 'Reported',
  investigating: 'Investigating',
  action_scheduled: 'Repair scheduled',
  in_progress: 'In progress',
  fixed: 'Fixed',
  closed_not_responsible: 'Closed: not the council’s responsibility',
  closed_duplicate: 'Closed: already reported',
  closed_no_further_action: 'Closed: no further action',
  closed_internal_referral: 'Closed: passed to another team',
};
