import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { ContentType } from '../contracts.ts';
import { editorialDb, latestVersions } from './tables.ts';

export const CONTENT_STATUSES = ['draft', 'published', 'changed', 'scheduled'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const STATUS_LABELS: Record<ContentStatus, string> = { draft: 'Draft', published: 'Published', changed: 'Published with changes', scheduled: 'Scheduled' };

export interface ContentListRow {
  id: string;
  type: ContentType;
  title: string;
  path: string | null;
  status: ContentStatus;
  updatedAt: Date;
}

export const LIST_PAGE_SIZE = 50;

/** All content, most recently changed first, with each item's status. A pending publish shows as Scheduled. */
export async function listContent(executor: Kysely<PlatformTables>, filters: { type?: ContentType; status?: ContentStatus; page: number }): Promise<{ rows: ContentListRow[]; total: number }> {
  const db = editorialDb(executor);
  const base = latestVersions(executor)
    .select([
      'c.id',
      'c.type',
      'c.path',
      'c.updated_at',
      sql<string>`v.document->>'title'`.as('title'),
      sql<ContentStatus>`case
        when exists (select 1 from site_schedules s where s.content_id = c.id and s.action = 'publish' and s.cancelled_at is null and s.done_at is null) then 'scheduled'
        when c.published_version is null then 'draft'
        when c.published_version = c.latest_version then 'published'
        else 'changed' end`.as('status'),
    ]);
  let query = db.selectFrom(base.as('x'));
  if (filters.type) query = query.where('x.type', '=', filters.type);
  if (filters.status) query = query.where('x.status', '=', filters.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('x.updated_at', 'desc')
      .orderBy('x.id')
      .limit(LIST_PAGE_SIZE)
      .offset((filters.page - 1) * LIST_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ id: r.id, type: r.type, title: r.title, path: r.path, status: r.status, updatedAt: r.updated_at })),
    total: Number(count.n),
  };
}
