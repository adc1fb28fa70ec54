import type { JobQueue } from '../../../platform/jobs/index.ts';
import { ReportRejected, type ReportState, type ReportStateChanges, type StateChange, type StateChangeResult } from '../contracts.ts';
import type { ReportRecords, Report } from '../records.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { reportsDb } from '../tables.ts';
import { STATE_LABELS } from '../states.ts';
import type { ReportTokens } from '../notifications/tokens.ts';
import { addUpdate, changeState, type Author, type ChangeDeps } from './change.ts';
import { transitionProblem } from './state-machine.ts';
import { addInformation, reopen, type Resident, type ResidentOutcome } from './resident.ts';
import { changeCategory, markDuplicate, type StaffOutcome } from './reroute.ts';

export interface UpdatesDeps extends ChangeDeps {
  db: Db;
  records: ReportRecords;
  jobs: JobQueue;
  tokens: ReportTokens;
}

const MAX_TEXT = 4000;

/**
 * Everything that happens to a report after it is made: state changes from staff, contractors and
 * Open311 clients (each applied once), public updates and internal notes, residents reopening or
 * adding to a report, and re-routing to another category. Every change is audited and its
 * subscribers are told in the same transaction.
 */
export class ReportUpdates implements ReportStateChanges {
  constructor(private readonly deps: UpdatesDeps) {}

  async apply(change: StateChange): Promise<StateChangeResult> {
    const text = checkText(change.publicText, 'publicText', true);
    const now = new Date();
    if (change.occurredAt && Number.isNaN(change.occurredAt.getTime())) throw new ReportRejected('occurredAt', 'The time of the update is not a real time');
    // Another system's clock may run ahead of ours; nothing happened in the future.
    const occurredAt = change.occurredAt && change.occurredAt < now ? change.occurredAt : now;
    const author: Author = { kind: change.actor.kind, id: change.actor.id };
    return this.locked(change.reportId, async (trx, report): Promise<StateChangeResult> => {
      if (change.externalUpdateId) {
        const seen = await reportsDb(trx).selectFrom('report_updates').select('id').where('report_id', '=', report.id).where('external_update_id', '=', change.externalUpdateId).executeTakeFirst();
        if (seen) return { outcome: 'already_applied', updateId: seen.id };
      }
      if (report.state !== change.from) return { outcome: 'refused', reason: 'stale', message: `The report is ${STATE_LABELS[report.state].toLowerCase()} now, not ${STATE_LABELS[change.from].toLowerCase()}` };
      if (change.to === change.from) {
        if (!text) return { outcome: 'refused', reason: 'not_allowed', message: 'Nothing to change: the state is the same and there is no text' };
        const updateId = await addUpdate(trx, this.deps, report, { visibility: 'public', text, author, externalUpdateId: change.externalUpdateId, occurredAt, notify: true });
        return { outcome: 'applied', updateId };
      }
      const problem = transitionProblem(report.state, change.to, author.kind);
      if (problem) return { outcome: 'refused', reason: 'not_allowed', message: problem };
      const updateId = await changeState(trx, this.deps, report, { to: change.to, text, author, externalUpdateId: change.externalUpdateId, occurredAt });
      return { outcome: 'applied', updateId };
    }, () => ({ outcome: 'refused', reason: 'not_found', message: 'There is no report with that id' }));
  }

  /** Staff write to everyone following the report, without changing its state. */
  async addPublicUpdate(reportId: string, staffId: string, text: string): Promise<string> {
    const checked = checkText(text, 'text', false) ?? '';
    return this.lockedOrThrow(reportId, (trx, report) => addUpdate(trx, this.deps, report, { visibility: 'public', text: checked, author: { kind: 'staff', id: staffId }, occurredAt: new Date(), notify: true }));
  }

  /** A note for staff only: never shown publicly, never sent to anyone. */
  async addInternalNote(reportId: string, staffId: string, text: string): Promise<string> {
    const checked = checkText(text, 'text', false) ?? '';
    return this.lockedOrThrow(reportId, (trx, report) => addUpdate(trx, this.deps, report, { visibility: 'internal', text: checked, author: { kind: 'staff', id: staffId }, occurredAt: new Date(), notify: false }));
  }

  /** A resident says a fixed report is not fixed: within 28 days of the fix, with their reason. */
  async reopen(reportId: string, resident: Resident, reason: string, now = new Date()): Promise<ResidentOutcome> {
    const checked = checkText(reason, 'reason', false) ?? '';
    return this.lockedOrThrow(reportId, (trx, report) => reopen(trx, this.deps, report, resident, checked, now));
  }

  /** A resident adds something they know about the problem (public, as their update on the report). */
  async addInformation(reportId: string, resident: Resident, text: string): Promise<ResidentOutcome> {
    const checked = checkText(text, 'text', false) ?? '';
    return this.lockedOrThrow(reportId, (trx, report) => addInformation(trx, this.deps, report, resident, checked));
  }

  /** Re-routes a report to another category; the 'reports.rerouted' job tells the contractor side. */
  async changeCategory(reportId: string, categoryCode: string, staffId: string): Promise<StaffOutcome> {
    return this.lockedOrThrow(reportId, (trx, report) => changeCategory(trx, this.deps, report, categoryCode, staffId));
  }

  /** Closes a report as a duplicate of another and moves its followers over to that one. */
  async markDuplicate(reportId: string, originalId: string, staffId: string): Promise<StaffOutcome> {
    return this.lockedOrThrow(reportId, (trx, report) => markDuplicate(trx, this.deps, report, originalId, staffId));
  }

  /** The standard texts staff may pick from for a category and state. */
  templates(categoryCode: string, state?: ReportState) {
    return this.deps.templates.choices(categoryCode, state);
  }

  private async locked<T>(reportId: string, work: (trx: Tx, report: Report) => Promise<T>, missing: () => T): Promise<T> {
    return this.deps.db.transaction().execute(async (trx) => {
      const report = await this.deps.records.lock(trx, reportId);
      return report ? work(trx, report) : missing();
    });
  }

  private async lockedOrThrow<T>(reportId: string, work: (trx: Tx, report: Report) => Promise<T>): Promise<T> {
    return this.locked(reportId, work, () => {
      throw new ReportRejected('report', 'This report could not be found');
    });
  }
}

function checkText(text: string | undefined, field: string, optional: boolean): string | null {
  const trimmed = text?.replace(/\r\n?/g, '\n').trim() ?? '';
  if (!trimmed) {
    if (optional) return null;
    throw new ReportRejected(field, 'Enter some text');
  }
  if (trimmed.length > MAX_TEXT) throw new ReportRejected(field, `The text must be ${MAX_TEXT.toLocaleString('en-GB')} characters or less`);
  return trimmed;
}
