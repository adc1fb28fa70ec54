import { z } from 'zod';
import type { Executor } from '../../../platform/db/database.ts';
import type { SyncProblem, SyncResult } from './content-source.ts';
import { sourcesDb } from './tables.ts';

/** How the last sync went: what the staff page shows. */
export interface SourceStatus {
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  applied: number;
  removed: number;
  skipped: number;
  problems: SyncProblem[];
  lastError: string | null;
  lastErrorAt: Date | null;
  syncRequestedAt: Date | null;
}

const problemsSchema = z.array(z.object({ entryId: z.string(), message: z.string() })).catch([]);
/** Enough for editors to see what to fix without making the row (and the page) huge. */
const MAX_PROBLEMS = 200;
const MAX_ERROR = 1000;

export async function readStatus(executor: Executor): Promise<SourceStatus> {
  const row = await sourcesDb(executor).selectFrom('site_source_state').selectAll().executeTakeFirstOrThrow();
  return {
    lastRunAt: row.last_run_at,
    lastSuccessAt: row.last_success_at,
    applied: row.last_applied,
    removed: row.last_removed,
    skipped: row.last_skipped,
    problems: problemsSchema.parse(row.last_problems),
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    syncRequestedAt: row.sync_requested_at,
  };
}

export interface SyncPosition {
  /** The token to sync on from, or null to start afresh (none yet, or it belongs to another space or environment). */
  token: string | null;
  /** The token continues an initial sync that has pages still to come. */
  initial: boolean;
}

export async function syncPosition(executor: Executor, scope: string): Promise<SyncPosition> {
  const row = await sourcesDb(executor).selectFrom('site_source_state').select(['sync_token', 'token_scope', 'initial_in_progress']).executeTakeFirstOrThrow();
  const token = row.token_scope === scope ? row.sync_token : null;
  return { token, initial: token === null || row.initial_in_progress };
}

/**
 * Moves the token on from `from` to `to`, inside the transaction that applied the page. Locks the row, so two
 * syncs cannot apply the same page; false when another sync moved the token first (this one's page is stale).
 */
export async function advanceToken(executor: Executor, scope: string, from: string | null, to: SyncPosition & { token: string }): Promise<boolean> {
  const row = await sourcesDb(executor).selectFrom('site_source_state').select(['sync_token', 'token_scope']).forUpdate().executeTakeFirstOrThrow();
  const current = row.token_scope === scope ? row.sync_token : null;
  if (current !== from) return false;
  await sourcesDb(executor).updateTable('site_source_state').set({ sync_token: to.token, token_scope: scope, initial_in_progress: to.initial }).execute();
  return true;
}

export async function recordSuccess(executor: Executor, result: SyncResult): Promise<void> {
  const now = new Date();
  await sourcesDb(executor)
    .updateTable('site_source_state')
    .set({
      last_run_at: now,
      last_success_at: now,
      last_applied: result.applied,
      last_removed: result.removed,
      last_skipped: result.skipped.length,
      last_problems: JSON.stringify([...result.skipped, ...result.warnings].slice(0, MAX_PROBLEMS)),
      last_error: null,
      last_error_at: null,
    })
    .execute();
}

export async function recordFailure(executor: Executor, message: string): Promise<void> {
  const now = new Date();
  await sourcesDb(executor)
    .updateTable('site_source_state')
    .set({ last_run_at: now, last_error: message.slice(0, MAX_ERROR), last_error_at: now })
    .execute();
}

/**
 * Marks a sync as asked for; true when this call is the one that should queue the job. An ask older than
 * `staleAfterMinutes` is taken as lost (its job never ran), so a later ask queues another.
 */
export async function markSyncRequested(executor: Executor, staleAfterMinutes: number): Promise<boolean> {
  const staleBefore = new Date(Date.now() - staleAfterMinutes * 60_000);
  const result = await sourcesDb(executor)
    .updateTable('site_source_state')
    .set({ sync_requested_at: new Date() })
    .where((eb) => eb.or([eb('sync_requested_at', 'is', null), eb('sync_requested_at', '<', staleBefore)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function clearSyncRequest(executor: Executor): Promise<void> {
  await sourcesDb(executor).updateTable('site_source_state').set({ sync_requested_at: null }).execute();
}
