import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { SubmissionRecord } from '../contracts.ts';
import type { DeliveryTables } from '../delivery/tables.ts';
import { isRecord } from '../fields/json.ts';
import { SubmissionRepository } from '../submissions/repository.ts';

export interface FormSummary {
  formId: string;
  title: string;
  latestVersion: number;
  publishedAt: Date;
  submissions: number;
  lastSubmittedAt: Date | null;
}

export interface VersionSummary {
  version: number;
  title: string;
  source: 'repo' | 'staff';
  publishedBy: string | null;
  publishedAt: Date;
  submissions: number;
}

export interface SubmissionListItem {
  id: string;
  reference: string;
  formId: string;
  formTitle: string;
  formVersion: number;
  channel: 'online' | 'assisted';
  submittedAt: Date;
  failedDeliveries: number;
}

export interface SubmissionDetail extends SubmissionRecord {
  staffName: string | null;
  accountEmail: string | null;
}

/** What the staff pages read about forms, their versions and submissions. */
export class StaffFormsRepository {
  private readonly engine: SubmissionRepository;

  constructor(private readonly db: Db) {
    this.engine = new SubmissionRepository(db);
  }

  private t() {
    return this.db.withTables<DeliveryTables>();
  }

  async forms(): Promise<FormSummary[]> {
    const result = await sql<FormSummary>`
      select v.form_id as "formId", v.definition->>'title' as title, v.version as "latestVersion", v.published_at as "publishedAt",
             coalesce(s.n, 0)::int as submissions, s.last as "lastSubmittedAt"
      from (select distinct on (form_id) form_id, version, definition, published_at from form_versions order by form_id, version desc) v
      left join (select form_id, count(*) as n, max(submitted_at) as last from form_submissions group by form_id) s on s.form_id = v.form_id
      order by v.definition->>'title', v.form_id`.execute(this.db);
    return result.rows;
  }

  async versions(formId: string): Promise<VersionSummary[]> {
    const result = await sql<VersionSummary>`
      select v.version, v.definition->>'title' as title, v.source, coalesce(u.name, u.email) as "publishedBy", v.published_at as "publishedAt",
             (select count(*) from form_submissions s where s.form_id = v.form_id and s.form_version = v.version)::int as submissions
      from form_versions v left join users u on u.id = v.published_by
      where v.form_id = ${formId}
      order by v.version desc`.execute(this.db);
    return result.rows;
  }

  /** Newest first, optionally for one form. */
  async submissions(filter: { formId?: string }, limit: number, offset: number): Promise<{ rows: SubmissionListItem[]; total: number }> {
    let base = this.t().selectFrom('form_submissions as s');
    if (filter.formId) base = base.where('s.form_id', '=', filter.formId);
    const [rows, count] = await Promise.all([
      base
        .select(['s.id', 's.reference', 's.form_id', 's.form_title', 's.form_version', 's.channel', 's.submitted_at'])
        .select(sql<number>`(select count(*) from form_deliveries d where d.submission_id = s.id and d.status = 'failed')::int`.as('failed'))
        .orderBy('s.submitted_at', 'desc')
        .orderBy('s.id')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ id: r.id, reference: r.reference, formId: r.form_id, formTitle: r.form_title, formVersion: r.form_version, channel: r.channel, submittedAt: r.submitted_at, failedDeliveries: r.failed })),
      total: count.n,
    };
  }

  async submission(id: string): Promise<SubmissionDetail | null> {
    const submission = await this.engine.byId(id);
    if (!submission) return null;
    const people = await this.t()
      .selectFrom('form_submissions as s')
      .leftJoin('users as staff', 'staff.id', 's.staff_id')
      .leftJoin('users as resident', 'resident.id', 's.user_id')
      .select([sql<string | null>`coalesce(staff.name, staff.email)`.as('staff_name'), 'resident.email as account_email'])
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...submission, staffName: people.staff_name, accountEmail: people.account_email };
  }

  /** A form's submissions oldest first, a batch at a time, so an export of any size streams in little memory. */
  async *allSubmissions(formId: string, batchSize = 500): AsyncGenerator<SubmissionRecord> {
    let after: { at: Date; id: string } | undefined;
    for (;;) {
      let query = this.t().selectFrom('form_submissions').selectAll().where('form_id', '=', formId);
      if (after) {
        const { at, id } = after;
        query = query.where((eb) => eb.or([eb('submitted_at', '>', at), eb.and([eb('submitted_at', '=', at), eb('id', '>', id)])]));
      }
      const rows = await query.orderBy('submitted_at').orderBy('id').limit(batchSize).execute();
      for (const row of rows) yield submissionFrom(row);
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) return;
      after = { at: last.submitted_at, id: last.id };
    }
  }

  /** The most items any submission gave for each add-another answer, so the export has enough columns. */
  async longestLists(formId: string, names: string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const name of names) {
      const result = await sql<{ n: number | null }>`
        select max(jsonb_array_length(answers->${name}))::int as n from form_submissions
        where form_id = ${formId} and jsonb_typeof(answers->${name}) = 'array'`.execute(this.db);
      out[name] = result.rows[0]?.n ?? 0;
    }
    return out;
  }
}

/** A row as JSON came back from the database; answers and contact were stored by the engine as objects. */
function submissionFrom(row: {
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
}): SubmissionRecord {
  const contact = isRecord(row.contact) ? row.contact : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    id: row.id,
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: row.form_title,
    answers: isRecord(row.answers) ? row.answers : {},
    channel: row.channel,
    userId: row.user_id,
    staffId: row.staff_id,
    contact: { name: text(contact.name), email: text(contact.email), phone: text(contact.phone) },
    submittedAt: row.submitted_at,
  };
}
