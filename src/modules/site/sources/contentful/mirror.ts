import { sql } from 'kysely';
import type { Executor } from '../../../../platform/db/database.ts';
import type { ContentDocument } from '../../contracts.ts';
import { putPublished, removePublished } from '../../published.ts';
import type { SyncProblem } from '../content-source.ts';
import { sourcesDb } from '../tables.ts';
import { contentIdOf } from './ids.ts';
import { mapEntry, type MirroredSpace } from './mapping.ts';
import { contentTypeOf, linksIn, storedFieldsSchema, type StoredItem, type SyncEntity } from './model.ts';

export interface PageOutcome {
  applied: number;
  removed: number;
  skipped: SyncProblem[];
  warnings: SyncProblem[];
  /** Entries mapped on this page: problems an earlier page reported for them no longer stand. */
  mapped: string[];
}

/** How far mapping follows links: a step by step → its step → a link → the page it points to. */
const LINK_DEPTH = 3;

/**
 * Applies one sync page inside the caller's transaction: stores the items, then maps again every page and alert
 * the change reaches (the items themselves, and whatever links to them, however indirectly), writing only
 * documents that changed. An entry that maps to invalid content is reported and left as it was live.
 */
export async function applySyncPage(trx: Executor, entities: SyncEntity[], options: { locale: string; freshMirror: boolean; initialComplete: boolean }): Promise<PageOutcome> {
  const db = sourcesDb(trx);
  const outcome: PageOutcome = { applied: 0, removed: 0, skipped: [], warnings: [], mapped: [] };
  // An initial sync rebuilds the mirror from nothing; pages already live stay until the sync says otherwise.
  if (options.freshMirror) await db.deleteFrom('site_contentful_items').execute();

  const changed = new Set<string>();
  const deleted: string[] = [];
  for (const entity of entities) {
    const { sys } = entity;
    changed.add(sys.id);
    if (sys.type === 'DeletedEntry' || sys.type === 'DeletedAsset') {
      deleted.push(sys.id);
      await db.deleteFrom('site_contentful_items').where('id', '=', sys.id).execute();
      continue;
    }
    const fields = entity.fields ?? {};
    const row = {
      kind: sys.type,
      content_type: sys.type === 'Entry' ? sys.contentType.sys.id : null,
      fields: JSON.stringify(fields),
      links: [...linksIn(fields)],
      updated_at: sys.updatedAt ?? new Date(),
    };
    await db
      .insertInto('site_contentful_items')
      .values({ id: sys.id, content_id: contentIdOf(sys.id), ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  for (const id of deleted) if (await removePublished(trx, contentIdOf(id))) outcome.removed += 1;

  const affected = await dependents(trx, [...changed]);
  const space = await loadSpace(trx, affected, options.locale);
  const toWrite: { entry: StoredItem; document: ContentDocument }[] = [];
  for (const id of affected) {
    const entry = space.item(id);
    const type = entry?.kind === 'Entry' ? contentTypeOf(entry.contentType) : undefined;
    if (!entry || !type) continue;
    const mapped = mapEntry(entry, type, space);
    outcome.mapped.push(id);
    if (!mapped.ok) {
      outcome.skipped.push({ entryId: id, message: mapped.problem });
      continue;
    }
    outcome.warnings.push(...mapped.warnings.map((message) => ({ entryId: id, message })));
    toWrite.push({ entry, document: mapped.document });
  }
  await writeDocuments(trx, toWrite, outcome);

  // The end of an initial sync: whatever is live but did not come from this space (earlier built-in content, or
  // another space's) is no longer part of the site.
  if (options.initialComplete) {
    const gone = await db
      .deleteFrom('site_published')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('site_contentful_items as i').select('i.id').whereRef('i.content_id', '=', 'site_published.content_id'))))
      .executeTakeFirst();
    outcome.removed += Number(gone.numDeletedRows);
  }
  return outcome;
}

/** The changed items and every item that links to one of them, directly or through others. */
async function dependents(trx: Executor, changed: string[]): Promise<string[]> {
  if (!changed.length) return [];
  const result = await sql<{ id: string }>`
    with recursive affected(id) as (
      select unnest(${changed}::text[])
      union
      select i.id from site_contentful_items i join affected a on i.links @> array[a.id]
    )
    select id from affected`.execute(trx);
  return result.rows.map((r) => r.id);
}

/** Loads the affected items and what they link to, as deep as mapping follows links. */
async function loadSpace(trx: Executor, ids: string[], locale: string): Promise<MirroredSpace> {
  const items = new Map<string, StoredItem>();
  let wanted = ids;
  for (let depth = 0; depth <= LINK_DEPTH && wanted.length; depth++) {
    const rows = await sourcesDb(trx).selectFrom('site_contentful_items').selectAll().where('id', 'in', wanted).execute();
    const next = new Set<string>();
    for (const row of rows) {
      items.set(row.id, { id: row.id, kind: row.kind, contentType: row.content_type, fields: storedFieldsSchema.parse(row.fields), links: row.links, updatedAt: row.updated_at });
      for (const link of row.links) if (!items.has(link)) next.add(link);
    }
    wanted = [...next].filter((id) => !items.has(id));
  }
  return { item: (id) => items.get(id), locale };
}

/**
 * Writes the documents that changed. An address held by another Contentful entry is a conflict, reported; one
 * held by content from elsewhere is taken over. Entries swapping addresses wait for each other in turn.
 */
async function writeDocuments(trx: Executor, pending: { entry: StoredItem; document: ContentDocument }[], outcome: PageOutcome): Promise<void> {
  const db = sourcesDb(trx);
  let queue = pending;
  while (queue.length) {
    const waiting: typeof queue = [];
    for (const item of queue) {
      const id = contentIdOf(item.entry.id);
      const current = await db.selectFrom('site_published').select(['document', 'version']).where('content_id', '=', id).executeTakeFirst();
      if (current && canonical(current.document) === canonical(item.document)) continue;
      const path = item.document.path;
      const holder = path === null ? undefined : await db.selectFrom('site_published').select('content_id').where('path', '=', path).where('content_id', '<>', id).executeTakeFirst();
      if (holder) {
        const mirrored = await db.selectFrom('site_contentful_items').select('id').where('content_id', '=', holder.content_id).executeTakeFirst();
        if (mirrored) {
          if (queue.some((other) => other !== item && other.entry.id === mirrored.id)) waiting.push(item);
          else outcome.skipped.push({ entryId: item.entry.id, message: `path: the address ${path} is already used by entry ${mirrored.id}` });
          continue;
        }
        if (await removePublished(trx, holder.content_id)) outcome.removed += 1;
      }
      await putPublished(trx, { id, version: (current?.version ?? 0) + 1, document: item.document, publishedAt: item.entry.updatedAt });
      outcome.applied += 1;
    }
    if (waiting.length === queue.length) {
      for (const item of waiting) outcome.skipped.push({ entryId: item.entry.id, message: `path: the address ${item.document.path ?? ''} is still used by another entry` });
      return;
    }
    queue = waiting;
  }
}

/** JSON with keys in a fixed order: jsonb does not keep the order documents were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
