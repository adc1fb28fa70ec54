import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/index.ts';
import type { Db } from '../db/database.ts';
import type { JobDefinition } from '../jobs/index.ts';
import type { FileStorage } from './storage.ts';

/** Which of the given file ids the owner (a module) still uses; any it does not name may be deleted. */
export type FileKeeper = (ids: string[]) => Promise<Set<string>>;

export const FILE_CLEANUP_JOB = 'files.cleanup';

/**
 * Uploads younger than this are never deleted: a resident may upload a photo in the evening and send
 * the form next morning. Not a setting: drafts and sessions, not this, decide how long work is held.
 */
export const CLEANUP_GRACE_MS = 24 * 3600 * 1000;

/** Files asked about at once: one keeper query each, small enough for `= any($1)`. */
const BATCH_SIZE = 500;

export interface CleanupDeps {
  db: Db;
  storage: FileStorage;
  keepers: ReadonlyMap<string, FileKeeper>;
  audit: AuditLog;
  log: Logger;
}

export interface CleanupSummary {
  checked: number;
  deleted: number;
}

/**
 * Deletes uploads nobody kept: older than the grace period, and claimed by no keeper nor named in a
 * live session (a journey in progress). Every keeper is asked before anything is deleted, so one
 * that fails (its database query, say) stops the whole run rather than leaving its files unclaimed.
 */
export async function cleanUpFiles(deps: CleanupDeps, now = new Date(), batchSize = BATCH_SIZE): Promise<CleanupSummary> {
  const { db, log } = deps;
  // Files belong to modules; with none registered we cannot tell a kept file from an abandoned one
  // (a platform without modules, or a module not yet giving a keeper), so nothing is deleted.
  if (deps.keepers.size === 0) {
    log.info('files.cleanup: no keepers registered, nothing deleted');
    return { checked: 0, deleted: 0 };
  }
  const cutoff = new Date(now.getTime() - CLEANUP_GRACE_MS);
  const orphans: string[] = [];
  let checked = 0;
  let after: Cursor | undefined;
  for (;;) {
    const batch = await olderThan(db, cutoff, after, batchSize);
    if (batch.length === 0) break;
    const ids = batch.map((f) => f.id);
    const kept = await claimed(deps, ids);
    orphans.push(...ids.filter((id) => !kept.has(id)));
    checked += ids.length;
    const last = batch[batch.length - 1];
    if (!last || batch.length < batchSize) break;
    after = { createdAt: last.created_at, id: last.id };
  }

  let deleted: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < orphans.length; i += batchSize) {
      const chunk = orphans.slice(i, i + batchSize);
      // The age is checked again: a row is only ever deleted for the reason it was picked.
      const rows = await trx.withTables<{ files: { id: string; created_at: Date } }>().deleteFrom('files').where('id', 'in', chunk).where('created_at', '<', cutoff).returning('id').execute();
      deleted = deleted.concat(rows.map((r) => r.id));
    }
    // One entry per run, with counts only: file names can be personal data.
    await deps.audit.record({ action: 'files.cleaned_up', subjectType: 'files', details: { checked, deleted: deleted.length, olderThan: cutoff.toISOString() } }, trx);
  });

  // Bytes go once their rows are gone for good; a missing byte file is already what we want.
  let unremoved = 0;
  for (const id of deleted) {
    await deps.storage.remove(id).catch((error: unknown) => {
      unremoved += 1;
      log.error({ err: error, fileId: id }, 'files.cleanup: could not remove stored bytes');
    });
  }
  log.info({ checked, deleted: deleted.length, unremoved }, 'files.cleanup: deleted uploads nobody kept');
  // A failed run is listed on /admin/jobs, where someone will see bytes were left behind.
  if (unremoved > 0) throw new Error(`files.cleanup: ${unremoved} stored files could not be removed`);
  return { checked, deleted: deleted.length };
}

/** The nightly run: 02:40 London time exists on both clock-change days, and falls once on each. */
export function fileCleanupJob(run: () => Promise<CleanupSummary>): JobDefinition<object> {
  return { name: FILE_CLEANUP_JOB, cron: '40 2 * * *', retryLimit: 3, retryDelay: 600, retryBackoff: true, handler: async () => void (await run()) };
}

/** Where the last batch ended. The time stays text: a JavaScript Date would drop its microseconds. */
interface Cursor {
  createdAt: string;
  id: string;
}

async function olderThan(db: Db, cutoff: Date, after: Cursor | undefined, limit: number): Promise<{ id: string; created_at: string }[]> {
  const result = await sql<{ id: string; created_at: string }>`
    select id::text as id, created_at::text as created_at from files
    where created_at < ${cutoff} ${after ? sql`and (created_at, id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
    order by created_at, id limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * The ids some keeper claims. Live sessions are read first: a journey that is sent moves its files
 * from the session into a module's tables, so this order never misses a file on its way between.
 */
async function claimed(deps: CleanupDeps, ids: string[]): Promise<Set<string>> {
  const kept = await inLiveSessions(deps.db, ids);
  for (const [name, keeper] of deps.keepers) {
    try {
      for (const id of await keeper(ids)) kept.add(id);
    } catch (error) {
      deps.log.error({ err: error, keeper: name }, 'files.cleanup: a keeper failed, nothing deleted');
      throw error;
    }
  }
  return kept;
}

/** Files named anywhere in a session not yet expired: uploads in a journey not sent yet. */
async function inLiveSessions(db: Db, ids: string[]): Promise<Set<string>> {
  const result = await sql<{ id: string }>`
    select distinct v #>> '{}' as id
    from sessions s, jsonb_path_query(s.data, 'strict $.**') v
    where s.expires_at > now() and jsonb_typeof(v) = 'string' and v #>> '{}' = any(${ids}::text[])`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}
