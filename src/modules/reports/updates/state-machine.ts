import type { ReportState } from '../contracts.ts';
import { isClosed, isOpen, STATE_LABELS } from '../states.ts';
import type { UpdateAuthor } from '../tables.ts';

/** A resident may reopen a fixed report for this long after it was marked fixed. */
export const REOPEN_WITHIN_DAYS = 28;

/**
 * Why `who` may not move a report from one state to another, or null when they may.
 * - While a report is open, staff and the systems that work on it (contractors, Open311 clients,
 *   the system itself) may move it to any other state.
 * - A fixed report may go back to being worked on by any of them (the repair did not hold),
 *   and staff may close it with a reason instead.
 * - A closed report is staff's alone to reopen or re-close: a contractor's late update must not
 *   bring it back.
 * - Residents never change states directly: they reopen a fixed report (`reopen`, with its own rules).
 */
export function transitionProblem(from: ReportState, to: ReportState, who: UpdateAuthor): string | null {
  if (from === to) return `The report is already ${STATE_LABELS[to].toLowerCase()}`;
  if (who === 'resident') return 'Residents cannot change a report’s status';
  if (isOpen(from)) return null;
  if (from === 'fixed') {
    if (isOpen(to)) return null;
    return who === 'staff' ? null : 'The report is fixed: only staff can close it';
  }
  if (isClosed(from)) return who === 'staff' ? null : 'The report is closed: only staff can change it';
  return `A report cannot go from ${from} to ${to}`;
}

/** Whether a resident's reopening is in time: within 28 days of the fix. */
export function canReopen(state: ReportState, fixedAt: Date | null, now: Date): { ok: true } | { ok: false; reason: string } {
  if (state !== 'fixed' || !fixedAt) return { ok: false, reason: 'Only a report that has been fixed can be reopened' };
  const days = (now.getTime() - fixedAt.getTime()) / (24 * 3600 * 1000);
  if (days > REOPEN_WITHIN_DAYS) return { ok: false, reason: `This report was fixed more than ${REOPEN_WITHIN_DAYS} days ago. If there is still a problem, make a new report` };
  return { ok: true };
}
