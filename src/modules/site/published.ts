import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import { contentDocumentSchema, type ContentDocument, type ContentType, type PublishedContent } from './contracts.ts';
import { siteDb, type SitePublishedTable } from './tables.ts';
import type { Selectable } from 'kysely';

type Executor = Kysely<PlatformTables>;

/**
 * The live copy of the site (site_published). The editor's publish command and the Contentful mirror write it;
 * pages, listings and search read it. Writing it fires the `site_published` notification that empties page caches.
 */
export async function putPublished(executor: Executor, item: { id: string; version: number; document: ContentDocument; publishedAt?: Date }): Promise<void> {
  const { document } = item;
  const row = {
    content_id: item.id,
    type: document.type,
    path: document.path,
    title: document.title,
    summary: document.summary,
    topic_ids: document.topicIds,
    document: JSON.stringify(document),
    version: item.version,
    published_at: item.publishedAt ?? new Date(),
  };
  await siteDb(executor)
    .insertInto('site_published')
    .values({ ...row, first_published_at: row.published_at })
    .onConflict((oc) => oc.column('content_id').doUpdateSet(row))
    .execute();
}

export async function removePublished(executor: Executor, id: string): Promise<boolean> {
  const result = await siteDb(executor).deleteFrom('site_published').where('content_id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Reads of live content that every part of the site shares. */
export class PublishedContentStore {
  constructor(private readonly db: Executor) {}

  async byPath(path: string): Promise<PublishedContent | undefined> {
    const row = await siteDb(this.db).selectFrom('site_published').selectAll().where('path', '=', path).executeTakeFirst();
    return row && toPublished(row);
  }

  async byId(id: string): Promise<PublishedContent | undefined> {
    const row = await siteDb(this.db).selectFrom('site_published').selectAll().where('content_id', '=', id).executeTakeFirst();
    return row && toPublished(row);
  }

  async byType(type: ContentType): Promise<PublishedContent[]> {
    const rows = await siteDb(this.db).selectFrom('site_published').selectAll().where('type', '=', type).orderBy('title').execute();
    return rows.map(toPublished);
  }

  /** Live content tagged to a topic, newest first. */
  async taggedTo(topicId: string): Promise<PublishedContent[]> {
    const rows = await siteDb(this.db)
      .selectFrom('site_published')
      .selectAll()
      .where((eb) => eb(eb.val(topicId), '=', eb.fn.any('topic_ids')))
      .orderBy('published_at', 'desc')
      .execute();
    return rows.map(toPublished);
  }

  async all(): Promise<PublishedContent[]> {
    const rows = await siteDb(this.db).selectFrom('site_published').selectAll().orderBy('path').execute();
    return rows.map(toPublished);
  }
}

export function toPublished(row: Selectable<SitePublishedTable>): PublishedContent {
  return {
    id: row.content_id,
    version: row.version,
    // Written only through putPublished from a validated document; parsed again so a hand-edited row fails loudly.
    document: contentDocumentSchema.parse(row.document),
    firstPublishedAt: row.first_published_at,
    publishedAt: row.published_at,
  };
}
