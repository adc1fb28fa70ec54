import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ReportState } from '../contracts.ts';
import type { Categories } from '../categories/catalogue.ts';
import { responseHours } from '../categories/assessment.ts';
import { publicUpdate, stateChanged, type AboutReport } from '../notifications/messages.ts';
import type { Except, SubscriberNotifier } from '../notifications/subscribers.ts';
import type { Report } from '../records.ts';
import { isClosed, isOpen } from '../states.ts';
import type { ReportsTables, UpdateAuthor } from '../tables.ts';
import type { ResponseTemplates } from './templates.ts';

export interface ChangeDeps {
  categories: Categories;
  templates: ResponseTemplates;
  subscribers: SubscriberNotifier;
  audit: AuditLog;
}

export interface Author {
  kind: UpdateAuthor;
  /** A staff or resident user id, or a contractor's or Open311 client's id. */
  id: string | null;
}

export interface Change {
  to: ReportState;
  /** Public text; without it, the state's response template is used. */
  text: string | null;
  author: Author;
  externalUpdateId?: string;
  occurredAt: Date;
  /** Not told about their own change. */
  except?: Except;
  /** Only when marking a duplicate. */
  duplicateOf?: string;
}

/** The audit log's actor is a user: staff or a signed-in resident. Systems are named in the details. */
function auditActor(author: Author): string | null {
  return author.kind === 'staff' || author.kind === 'resident' ? author.id : null;
}

/**
 * Moves a locked report to a new state inside the caller's transaction: the dates that go with it,
 * the public update, the audit entry, and a message to each subscriber. Callers check that the
 * change is allowed first. Returns the update's id.
 */
export async function changeState(trx: Executor, deps: ChangeDeps, report: Report, change: Change): Promise<string> {
  const db = trx.withTables<ReportsTables>();
  const wasDone = report.state === 'fixed' || isClosed(report.state);
  const reopening = wasDone && isOpen(change.to);
  const category = await deps.categories.get(report.categoryCode);
  const dueAt = reopening && category ? new Date(change.occurredAt.getTime() + responseHours(report.priority, category.standardResponseHours) * 3600 * 1000) : report.dueAt;
  await db
    .updateTable('reports')
    .set({
      state: change.to,
      updated_at: new Date(),
      fixed_at: change.to === 'fixed' ? change.occurredAt : reopening ? null : report.fixedAt,
      closed_at: isClosed(change.to) ? change.occurredAt : null,
      due_at: dueAt,
      reopened_count: report.reopenedCount + (reopening ? 1 : 0),
      ...(change.duplicateOf ? { duplicate_of: change.duplicateOf } : {}),
    })
    .where('id', '=', report.id)
    .execute();
  const text = change.text ?? (await deps.templates.textFor(report.categoryCode, change.to));
  const update = await db
    .insertInto('report_updates')
    .values({ report_id: report.id, visibility: 'public', from_state: report.state, to_state: change.to, text, author_kind: change.author.kind, author_id: change.author.id, external_update_id: change.externalUpdateId ?? null, created_at: change.occurredAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const about = await aboutReport(trx, report);
  await deps.subscribers.send(trx, report, (links) => stateChanged(about, change.to, text, links), { except: change.except });
  await deps.audit.record(
    {
      actorId: auditActor(change.author),
      action: 'reports.state_changed',
      subjectType: 'report',
      subjectId: report.id,
      details: { reference: report.reference, from: report.state, to: change.to, by: change.author.kind, byId: change.author.id, externalUpdateId: change.externalUpdateId ?? null, updateId: update.id },
    },
    trx,
  );
  return update.id;
}

/** An update without a change of state: public (sent to subscribers) or internal (staff only, never sent). */
export async function addUpdate(
  trx: Executor,
  deps: ChangeDeps,
  report: Report,
  update: { visibility: 'public' | 'internal'; text: string; author: Author; externalUpdateId?: string; occurredAt: Date; notify: boolean; except?: Except },
): Promise<string> {
  const db = trx.withTables<ReportsTables>();
  const row = await db
    .insertInto('report_updates')
    .values({ report_id: report.id, visibility: update.visibility, from_state: null, to_state: null, text: update.text, author_kind: update.author.kind, author_id: update.author.id, external_update_id: update.externalUpdateId ?? null, created_at: update.occurredAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('reports').set({ updated_at: new Date() }).where('id', '=', report.id).execute();
  if (update.visibility === 'public' && update.notify) {
    const about = await aboutReport(trx, report);
    await deps.subscribers.send(trx, report, (links) => publicUpdate(about, update.text, links), { except: update.except });
  }
  const action = update.visibility === 'internal' ? 'reports.note_added' : update.author.kind === 'resident' ? 'reports.information_added' : 'reports.updated';
  await deps.audit.record({ actorId: auditActor(update.author), action, subjectType: 'report', subjectId: report.id, details: { reference: report.reference, by: update.author.kind, byId: update.author.id, updateId: row.id } }, trx);
  return row.id;
}

/** How messages name a report: its category, and its street (or what the resident said about where). */
export async function aboutReport(executor: Executor, report: Pick<Report, 'reference' | 'categoryCode' | 'usrn' | 'locationDescription'>): Promise<AboutReport> {
  const db = executor.withTables<ReportsTables>();
  const category = await db.selectFrom('report_categories').select('name').where('code', '=', report.categoryCode).executeTakeFirst();
  const street = report.usrn ? await db.selectFrom('gazetteer_streets').select('name').where('usrn', '=', Number(report.usrn)).executeTakeFirst() : undefined;
  return { reference: report.reference, categoryName: category?.name ?? 'Problem', place: street?.name ?? report.locationDescription };
}
