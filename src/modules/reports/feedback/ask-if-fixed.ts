import type { Db, Executor } from '../../../platform/db/database.ts';
import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { ReportState } from '../contracts.ts';
import { askIfFixed } from '../notifications/messages.ts';
import { hashToken, looksLikeToken, oneTimeToken } from '../notifications/tokens.ts';
import type { Report, ReportRecords } from '../records.ts';
import { isClosed, isOpen } from '../states.ts';
import { reportsDb } from '../tables.ts';
import { aboutReport, addUpdate, changeState, type ChangeDeps } from '../updates/change.ts';
import { canReopen } from '../updates/state-machine.ts';

export const ASK_IF_FIXED_JOB = 'reports.ask_if_fixed';
/** Four weeks: long enough for a standard repair, soon enough that the reporter remembers. */
export const ASK_AFTER_DAYS = 28;

export type FixedAnswer =
  | { outcome: 'recorded'; reference: string; state: ReportState }
  | { outcome: 'already_answered'; reference: string }
  | { outcome: 'not_found' };

interface QuestionnaireDeps extends ChangeDeps {
  db: Db;
  records: ReportRecords;
  notify: Notifier;
  audit: AuditLog;
  baseUrl: string;
}

/**
 * "Has it been fixed?": one email to the reporter four weeks after their report, with a yes and a no
 * link, and the answer: yes marks an open report fixed, no reopens one fixed in the last 28 days
 * (and is noted for staff otherwise). The pages module's landing page calls `answer`.
 */
export class FixedQuestionnaire {
  constructor(private readonly deps: QuestionnaireDeps) {}

  jobDefinition(): JobDefinition<{ reportId: string }> {
    return { name: ASK_IF_FIXED_JOB, retryLimit: 5, retryDelay: 300, retryBackoff: true, handler: async (data) => void (await this.ask(data.reportId)) };
  }

  /** The link the email carries; the landing page reads `fixed=yes|no`. */
  link(token: string, fixed: boolean): string {
    return `${this.deps.baseUrl}/reports/questionnaire/${token}?fixed=${fixed ? 'yes' : 'no'}`;
  }

  /** Sends the question once (a retried job finds the row and stops). Returns whether it was sent. */
  async ask(reportId: string): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      const report = await this.deps.records.lock(trx, reportId);
      if (!report || report.hidden || isClosed(report.state)) return false;
      const to = await this.reporterEmail(trx, report);
      if (!to) return false;
      const { token, hash } = oneTimeToken();
      const added = await reportsDb(trx).insertInto('report_questionnaires').values({ report_id: report.id, token_hash: hash }).onConflict((oc) => oc.doNothing()).returning('report_id').executeTakeFirst();
      if (!added) return false;
      const about = await aboutReport(trx, report);
      const message = askIfFixed(about, { yes: this.link(token, true), no: this.link(token, false) });
      await this.deps.notify.email(trx, { to, subject: message.subject, body: message.body, reference: report.reference });
      return true;
    });
  }

  async answer(token: string, fixed: boolean, now = new Date()): Promise<FixedAnswer> {
    if (!looksLikeToken(token)) return { outcome: 'not_found' };
    return this.deps.db.transaction().execute(async (trx): Promise<FixedAnswer> => {
      const db = reportsDb(trx);
      const row = await db.selectFrom('report_questionnaires').selectAll().where('token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst();
      if (!row) return { outcome: 'not_found' };
      const report = await this.deps.records.lock(trx, row.report_id);
      if (!report) return { outcome: 'not_found' };
      if (row.answered_at) return { outcome: 'already_answered', reference: report.reference };
      await db.updateTable('report_questionnaires').set({ answered_at: now, fixed }).where('report_id', '=', report.id).execute();
      const state = await this.act(trx, report, fixed, now);
      await this.deps.audit.record({ actorId: report.reporter.userId, action: 'reports.questionnaire_answered', subjectType: 'report', subjectId: report.id, details: { reference: report.reference, fixed } }, trx);
      return { outcome: 'recorded', reference: report.reference, state };
    });
  }

  private async act(trx: Executor, report: Report, fixed: boolean, now: Date): Promise<ReportState> {
    const author = { kind: 'resident' as const, id: report.reporter.userId };
    const except = { userId: report.reporter.userId, email: report.reporter.email };
    if (fixed && isOpen(report.state)) {
      await changeState(trx, this.deps, report, { to: 'fixed', text: 'The person who reported this told us it has been fixed.', author, occurredAt: now, except });
      return 'fixed';
    }
    if (!fixed && report.state === 'fixed' && canReopen(report.state, report.fixedAt, now).ok) {
      await changeState(trx, this.deps, report, { to: 'open', text: 'The person who reported this told us it has not been fixed.', author, occurredAt: now, except });
      return 'open';
    }
    const note = fixed ? 'The reporter says this has been fixed.' : 'The reporter says this has not been fixed.';
    await addUpdate(trx, this.deps, report, { visibility: 'internal', text: note, author, occurredAt: now, notify: false });
    return report.state;
  }

  /** The reporter's email: their account's if they have one and take email, else the one they gave. */
  private async reporterEmail(trx: Executor, report: Report): Promise<string | null> {
    if (report.reporter.userId) {
      const user = await trx.selectFrom('users').select(['email', 'notify_email']).where('id', '=', report.reporter.userId).executeTakeFirst();
      if (user) return user.notify_email ? user.email : null;
    }
    return report.reporter.email;
  }
}
