import { sql } from 'kysely';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Answers } from '../contracts.ts';
import { isRecord } from '../fields/json.ts';
import type { FormsDb, FormsTables } from '../tables.ts';

export interface Draft {
  id: string;
  formId: string;
  formVersion: number;
  userId: string | null;
  email: string | null;
  answers: Answers;
  answered: string[];
  updatedAt: Date;
  expiresAt: Date;
}

/** A draft as a list shows it: My Account's card lists a resident's. */
export interface DraftSummary {
  id: string;
  formId: string;
  formTitle: string;
  updatedAt: Date;
  expiresAt: Date;
  /** Where the resident picks it up again. */
  resumeHref: string;
}

export interface DraftContent {
  formId: string;
  formVersion: number;
  answers: Answers;
  answered: string[];
  expiresAt: Date;
}

/** The SQL for form_drafts. Expired drafts are never returned, even before the job deletes them. */
export class DraftRepository {
  private readonly db: FormsDb;

  constructor(db: Db) {
    this.db = db.withTables<FormsTables>();
  }

  /** A signed-in resident's draft of a form: one per form, updated by each save. */
  async saveForUser(userId: string, content: DraftContent): Promise<string> {
    const row = await this.db
      .insertInto('form_drafts')
      .values({ ...columns(content), user_id: userId, email: null, token_hash: null })
      .onConflict((oc) => oc.columns(['user_id', 'form_id']).where('user_id', 'is not', null).doUpdateSet((eb) => ({
        form_version: eb.ref('excluded.form_version'),
        answers: eb.ref('excluded.answers'),
        answered: eb.ref('excluded.answered'),
        updated_at: eb.ref('excluded.updated_at'),
        expires_at: eb.ref('excluded.expires_at'),
      })))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Someone without an account: found again only by the token in the link we email them. */
  async saveWithToken(existingId: string | undefined, email: string, tokenHash: string, content: DraftContent, trx: Executor): Promise<string> {
    const forms = trx.withTables<FormsTables>();
    if (existingId) {
      const updated = await forms
        .updateTable('form_drafts')
        .set({ ...columns(content), email, token_hash: tokenHash })
        .where('id', '=', existingId)
        .where('user_id', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (updated) return updated.id;
    }
    const row = await forms.insertInto('form_drafts').values({ ...columns(content), user_id: null, email, token_hash: tokenHash }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async byTokenHash(tokenHash: string): Promise<Draft | null> {
    const row = await this.current().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toDraft(row) : null;
  }

  async byIdForUser(id: string, userId: string): Promise<Draft | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await this.current().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return row ? toDraft(row) : null;
  }

  async forUser(userId: string): Promise<DraftSummary[]> {
    const rows = await this.db
      .selectFrom('form_drafts as d')
      .innerJoin('form_versions as v', (j) => j.onRef('v.form_id', '=', 'd.form_id').onRef('v.version', '=', 'd.form_version'))
      .select(['d.id', 'd.form_id', 'd.updated_at', 'd.expires_at', sql<string>`v.definition->>'title'`.as('title')])
      .where('d.user_id', '=', userId)
      .where('d.expires_at', '>', new Date())
      .orderBy('d.updated_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, formId: r.form_id, formTitle: r.title, updatedAt: r.updated_at, expiresAt: r.expires_at, resumeHref: `/forms/${r.form_id}/resume/${r.id}` }));
  }

  async delete(id: string, executor: Executor): Promise<void> {
    await executor.withTables<FormsTables>().deleteFrom('form_drafts').where('id', '=', id).execute();
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('form_drafts').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private current() {
    return this.db
      .selectFrom('form_drafts')
      .select(['id', 'form_id', 'form_version', 'user_id', 'email', 'answers', 'answered', 'updated_at', 'expires_at'])
      .where('expires_at', '>', new Date());
  }
}

function columns(content: DraftContent) {
  return {
    form_id: content.formId,
    form_version: content.formVersion,
    answers: JSON.stringify(content.answers),
    answered: content.answered,
    updated_at: new Date(),
    expires_at: content.expiresAt,
  };
}

function toDraft(row: { id: string; form_id: string; form_version: number; user_id: string | null; email: string | null; answers: unknown; answered: string[]; updated_at: Date; expires_at: Date }): Draft {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    userId: row.user_id,
    email: row.email,
    answers: isRecord(row.answers) ? row.answers : {},
    answered: row.answered,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}
