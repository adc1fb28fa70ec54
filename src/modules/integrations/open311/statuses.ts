import type { ReportState } from '../../reports/contracts.ts';

/**
 * GeoReport's two statuses and mySociety's extended ones, as our report states. Plain CLOSED
 * means the contractor resolved it, which residents know as "fixed".
 */
const STATES: Record<string, ReportState> = {
  open: 'open',
  investigating: 'investigating',
  action_scheduled: 'action_scheduled',
  in_progress: 'in_progress',
  fixed: 'fixed',
  closed: 'fixed',
  duplicate: 'closed_duplicate',
  not_councils_responsibility: 'closed_not_responsible',
  no_further_action: 'closed_no_further_action',
  unable_to_fix: 'closed_no_further_action',
  internal_referral: 'closed_internal_referral',
};

/** Our state for a contractor's status ("IN_PROGRESS", "in progress", "Action-Scheduled"), or undefined if we do not know it. */
export function stateFor(status: string): ReportState | undefined {
  const key = status.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(STATES, key) ? STATES[key] : undefined;
}
