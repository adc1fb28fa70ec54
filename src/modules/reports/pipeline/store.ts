import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { reportsDb, type ReportsTable, type UpdateAuthor } from '../tables.ts';

export interface FirstUpdate {
  text: string | null;
  authorKind: UpdateAuthor;
  authorId: string | null;
}

export interface ReporterSubscription {
  id: string;
  userId: string | null;
  email: string | null;
  phone: string | null;
  tokenHash: string;
}

/**
 * The report, its first update and the reporter's subscription in one statement (data-modifying
 * CTEs): one round trip instead of three, inside the submit transaction. Returns undefined when the
 * reference is taken, so the caller draws another.
 */
export async function insertReport(trx: Executor, report: Insertable<ReportsTable> & { reference: string; created_at: Date }, first: FirstUpdate, subscription: ReporterSubscription | null): Promise<string | undefined> {
  const db = reportsDb(trx);
  const row = await db
    .with('report', (q) => q.insertInto('reports').values(report).onConflict((oc) => oc.column('reference').doNothing()).returning('id'))
    .with('first_update', (q) =>
      q
        .insertInto('report_updates')
        .columns(['report_id', 'visibility', 'to_state', 'text', 'author_kind', 'author_id', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('report')
            .select((s) => ['report.id', s.val('public').as('visibility'), s.val('open').as('to_state'), s.val(first.text).as('text'), s.val(first.authorKind).as('author_kind'), s.val(first.authorId).as('author_id'), s.val(report.created_at).as('created_at')]),
        ),
    )
    .with('subscription', (q) =>
      q
        .insertInto('report_subscriptions')
        .columns(['id', 'report_id', 'user_id', 'email', 'phone', 'unsubscribe_token_hash'])
        .expression((eb) =>
          eb
            .selectFrom('report')
            .select((s) => [s.val(subscription?.id ?? null).as('id'), 'report.id', s.val(subscription?.userId ?? null).as('user_id'), s.val(subscription?.email ?? null).as('email'), s.val(subscription?.phone ?? null).as('phone'), s.val(subscription?.tokenHash ?? null).as('token')])
            .where(sql<boolean>`${subscription !== null}::boolean`),
        ),
    )
    .selectFrom('report')
    .select('id')
    .executeTakeFirst();
  return row?.id;
}
