import { sql } from 'kysely';
import type { ContentType } from '../contracts.ts';
import type { Site } from '../index.ts';
import { siteDb } from '../tables.ts';

/** A live page in a list: what a link to it needs. */
export interface PageLink {
  id: string;
  type: ContentType;
  path: string;
  title: string;
  summary: string;
}

/** Types that are pages of their own (alerts show on other pages; the home page is the site itself). */
const LISTED: ContentType[] = ['topic', 'guide', 'start', 'step_by_step', 'news', 'event', 'contact', 'publication'];

function linkQuery(site: Site) {
  return siteDb(site.services.db)
    .selectFrom('site_published')
    .select(['content_id as id', 'type', 'path', 'title', 'summary'])
    .where('path', 'is not', null)
    .where('type', 'in', LISTED);
}

function toLinks(rows: { id: string; type: ContentType; path: string | null; title: string; summary: string }[]): PageLink[] {
  return rows.flatMap((r) => (r.path === null ? [] : [{ ...r, path: r.path }]));
}

/** Other live pages sharing a topic with this one, newest first. */
export async function relatedPages(site: Site, pageId: string, topicIds: string[], limit = 5): Promise<PageLink[]> {
  if (topicIds.length === 0) return [];
  const rows = await linkQuery(site)
    .where('content_id', '<>', pageId)
    .where('type', '<>', 'topic')
    .where('topic_ids', '&&', sql<string[]>`${topicIds}::uuid[]`)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return toLinks(rows);
}

/** Live pages (not sub-topics) tagged to a topic, by title. */
export async function pagesTaggedTo(site: Site, topicId: string): Promise<PageLink[]> {
  const rows = await linkQuery(site)
    .where('type', '<>', 'topic')
    .where((eb) => eb(eb.val(topicId), '=', eb.fn.any('topic_ids')))
    .orderBy('title')
    .execute();
  return toLinks(rows);
}

export async function pagesOfTypes(site: Site, types: ContentType[]): Promise<PageLink[]> {
  const rows = await linkQuery(site).where('type', 'in', types).orderBy('title').execute();
  return toLinks(rows);
}

export async function redirectFor(site: Site, path: string): Promise<{ to: string; permanent: boolean } | undefined> {
  const row = await siteDb(site.services.db).selectFrom('site_redirects').select(['to_path', 'permanent']).where('from_path', '=', path).executeTakeFirst();
  return row && { to: row.to_path, permanent: row.permanent };
}
