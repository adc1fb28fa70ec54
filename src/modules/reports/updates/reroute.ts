import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../platform/db/database.ts';
import type { JobQueue } from '../../../platform/jobs/index.ts';
import type { ReportRerouted } from '../contracts.ts';
import { assess } from '../categories/assessment.ts';
import { addSubscription } from '../notifications/subscribers.ts';
import type { ReportTokens } from '../notifications/tokens.ts';
import type { Report, ReportRecords } from '../records.ts';
import { isOpen } from '../states.ts';
import { reportsDb } from '../tables.ts';
import { addUpdate, changeState, type ChangeDeps } from './change.ts';

export const REROUTED_JOB = 'reports.rerouted';

export type StaffOutcome = { ok: true; updateId: string } | { ok: false; reason: string };

interface RerouteDeps extends ChangeDeps {
  jobs: JobQueue;
}

/**
 * A report in the wrong category goes to the right one: new priority and due time from the new
 * category, an internal note, and a job so the integrations module can re-send it to the right contractor.
 */
export async function changeCategory(trx: Executor, deps: RerouteDeps, report: Report, categoryCode: string, staffId: string): Promise<StaffOutcome> {
  if (!isOpen(report.state)) return { ok: false, reason: 'Only an open report can be moved to another category' };
  const category = await deps.categories.get(categoryCode);
  if (!category || !category.active) return { ok: false, reason: 'Select a category from the list' };
  if (category.code === report.categoryCode) return { ok: false, reason: 'The report is already in that category' };
  const from = await deps.categories.get(report.categoryCode);
  const assessment = assess(category, report.answers);
  const now = new Date();
  // An asset of another layer (a streetlight on a report that is now about a drain) no longer applies.
  const keepAsset = report.assetId !== null && category.assetLayer !== undefined && from?.assetLayer === category.assetLayer;
  await reportsDb(trx)
    .updateTable('reports')
    .set({ category_code: category.code, priority: assessment.priority, due_at: new Date(now.getTime() + assessment.dueInHours * 3600 * 1000), asset_id: keepAsset ? report.assetId : null })
    .where('id', '=', report.id)
    .execute();
  const text = `Category changed from ${from?.name ?? report.categoryCode} to ${category.name}`;
  const updateId = await addUpdate(trx, deps, report, { visibility: 'internal', text, author: { kind: 'staff', id: staffId }, occurredAt: now, notify: false });
  const event: ReportRerouted = { reportId: report.id, fromCategory: report.categoryCode, toCategory: category.code };
  await deps.jobs.send(trx, REROUTED_JOB, event);
  return { ok: true, updateId };
}

interface DuplicateDeps extends ChangeDeps {
  records: ReportRecords;
  tokens: ReportTokens;
}

/** Closes `report` as a duplicate of `originalId`; its followers now follow the original. */
export async function markDuplicate(trx: Executor, deps: DuplicateDeps, report: Report, originalId: string, staffId: string): Promise<StaffOutcome> {
  if (report.id === originalId) return { ok: false, reason: 'A report cannot be a duplicate of itself' };
  if (!isOpen(report.state)) return { ok: false, reason: 'Only an open report can be closed as a duplicate' };
  const found = await deps.records.find(originalId, trx);
  // A chain of duplicates points at the report that is being dealt with.
  const original = found?.duplicateOf ? await deps.records.find(found.duplicateOf, trx) : found;
  if (!original || original.hidden || original.id === report.id) return { ok: false, reason: 'The original report could not be found' };
  const db = reportsDb(trx);
  const followers = await db.selectFrom('report_subscriptions').select(['user_id', 'email', 'phone']).where('report_id', '=', report.id).execute();
  for (const person of followers) await addSubscription(trx, deps.tokens, randomUUID(), original.id, { userId: person.user_id, email: person.email, phone: person.phone });
  const updateId = await changeState(trx, deps, report, {
    to: 'closed_duplicate',
    text: `Someone has already reported this problem, as report ${original.reference}. We will deal with it under that report and you will get its updates.`,
    author: { kind: 'staff', id: staffId },
    occurredAt: new Date(),
    duplicateOf: original.id,
  });
  return { ok: true, updateId };
}
