import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Answers, SubmissionRecord } from '../contracts.ts';
import { isRecord } from '../fields/json.ts';
import type { FormsDb, FormsTables } from '../tables.ts';

export type NewSubmission = Omit<SubmissionRecord, 'id' | 'submittedAt'>;

/** A submission as a list shows it (My Account, staff). */
export interface SubmissionSummary {
  id: string;
  reference: string;
  formId: string;
  formTitle: string;
  channel: SubmissionRecord['channel'];
  submittedAt: Date;
}

/** The SQL for form_submissions. */
export class SubmissionRepository {
  private readonly db: FormsDb;

  constructor(db: Db) {
    this.db = db.withTables<FormsTables>();
  }

  /** Inserts unless the reference is taken (then returns null, and the caller draws another). */
  async insert(trx: Executor, submission: NewSubmission): Promise<SubmissionRecord | null> {
    const row = await trx
      .withTables<FormsTables>()
      .insertInto('form_submissions')
      .values({
        reference: submission.reference,
        form_id: submission.formId,
        form_version: submission.formVersion,
        form_title: submission.formTitle,
        answers: JSON.stringify(submission.answers),
        channel: submission.channel,
        user_id: submission.userId,
        staff_id: submission.staffId,
        contact: JSON.stringify(submission.contact),
      })
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning(['id', 'submitted_at'])
      .executeTakeFirst();
    return row ? { ...submission, id: row.id, submittedAt: row.submitted_at } : null;
  }

  async byReference(reference: string): Promise<SubmissionRecord | null> {
    const row = await this.db.selectFrom('form_submissions').selectAll().where('reference', '=', reference).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async byId(id: string): Promise<SubmissionRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await this.db.selectFrom('form_submissions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** A resident's submissions, newest first (for the My Account card and their data download). */
  async forUser(userId: string, limit = 50): Promise<SubmissionSummary[]> {
    const rows = await this.db
      .selectFrom('form_submissions')
      .select(['id', 'reference', 'form_id', 'form_title', 'channel', 'submitted_at'])
      .where('user_id', '=', userId)
      .orderBy('submitted_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, reference: r.reference, formId: r.form_id, formTitle: r.form_title, channel: r.channel, submittedAt: r.submitted_at }));
  }

  /** Full records of a resident's submissions, for "download my data". */
  async allForUser(userId: string): Promise<SubmissionRecord[]> {
    const rows = await this.db.selectFrom('form_submissions').selectAll().where('user_id', '=', userId).orderBy('submitted_at').execute();
    return rows.map(toRecord);
  }

  /** Deletes submissions kept longer than their form's retention allows. */
  async deleteOlderThan(formId: string, cutoff: Date): Promise<number> {
    const result = await this.db.deleteFrom('form_submissions').where('form_id', '=', formId).where('submitted_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

interface SubmissionRow {
  id: string;
  reference: string;
  form_id: string;
  form_version: number;
  form_title: string;
  answers: unknown;
  channel: SubmissionRecord['channel'];
  user_id: string | null;
  staff_id: string | null;
  contact: unknown;
  submitted_at: Date;
}

function toRecord(row: SubmissionRow): SubmissionRecord {
  const answers: Answers = isRecord(row.answers) ? row.answers : {};
  const stored = isRecord(row.contact) ? row.contact : {};
  const contact: SubmissionRecord['contact'] = {};
  for (const key of ['name', 'email', 'phone'] as const) {
    const value = stored[key];
    if (typeof value === 'string') contact[key] = value;
  }
  return {
    id: row.id,
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: row.form_title,
    answers,
    channel: row.channel,
    userId: row.user_id,
    staffId: row.staff_id,
    contact,
    submittedAt: row.submitted_at,
  };
}
