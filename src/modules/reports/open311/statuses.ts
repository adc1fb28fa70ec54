import type { ReportState } from '../contracts.ts';

/**
 * Report states as Open311 names them. GeoReport v2 has only open and closed; mySociety's
 * extension (used by FixMyStreet and its open311-adapter) names the reason too. The table is
 * documented in ../open311/README.md; keep the two in step.
 */
export type ExtendedStatus =
  | 'open'
  | 'investigating'
  | 'action_scheduled'
  | 'in_progress'
  | 'fixed'
  | 'not_councils_responsibility'
  | 'duplicate'
  | 'no_further_action'
  | 'internal_referral';

interface StateNames {
  status: 'open' | 'closed';
  extended: ExtendedStatus;
}

export const stateNames: Record<ReportState, StateNames> = {
  open: { status: 'open', extended: 'open' },
  investigating: { status: 'open', extended: 'investigating' },
  action_scheduled: { status: 'open', extended: 'action_scheduled' },
  in_progress: { status: 'open', extended: 'in_progress' },
  fixed: { status: 'closed', extended: 'fixed' },
  closed_not_responsible: { status: 'closed', extended: 'not_councils_responsibility' },
  closed_duplicate: { status: 'closed', extended: 'duplicate' },
  closed_no_further_action: { status: 'closed', extended: 'no_further_action' },
  closed_internal_referral: { status: 'closed', extended: 'internal_referral' },
};

const allStates = Object.keys(stateNames).filter((s): s is ReportState => s in stateNames);

/**
 * What a contractor may send in POST servicerequestupdates (any case). Besides the states' own
 * names: CLOSED with no reason means nothing more will be done, REOPEN opens the report again,
 * and PLANNED is FixMyStreet's older name for ACTION_SCHEDULED.
 */
const incoming: Record<string, ReportState> = {
  ...Object.fromEntries(allStates.map((state) => [stateNames[state].extended, state])),
  closed: 'closed_no_further_action',
  reopen: 'open',
  planned: 'action_scheduled',
};

export function stateFromUpdateStatus(status: string): ReportState | undefined {
  return incoming[status.trim().toLowerCase()];
}

export const updateStatuses = Object.keys(incoming).map((s) => s.toUpperCase());

/** The states a GET requests `status` filter names: open, closed, or one extended status. */
export function statesForFilter(status: string): ReportState[] | undefined {
  const wanted = status.trim().toLowerCase();
  if (wanted === 'open' || wanted === 'closed') return allStates.filter((s) => stateNames[s].status === wanted);
  const state = allStates.find((s) => stateNames[s].extended === wanted);
  return state ? [state] : undefined;
}

export const filterStatuses = ['open', 'closed', ...allStates.map((s) => stateNames[s].extended).filter((e) => e !== 'open')];
