import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { contentDocumentSchema, type ContentDocument } from '../contracts.ts';
import { siteDb } from '../tables.ts';
import type { AddressBook } from './addresses.ts';
import { brokenLinks } from './links.ts';
import { latestVersions } from './tables.ts';

export interface BrokenLinkRow {
  id: string;
  title: string;
  type: ContentDocument['type'];
  where: 'Live page' | 'Draft';
  links: string[];
}

/** Live pages and drafts whose internal links go nowhere: live pages judged against live addresses only. */
export async function brokenLinkReport(executor: Kysely<PlatformTables>, book: AddressBook): Promise<BrokenLinkRow[]> {
  const [latest, live] = await Promise.all([
    latestVersions(executor)
      .select(['c.id', 'c.published_version', 'c.latest_version', 'v.document'])
      .execute(),
    siteDb(executor).selectFrom('site_published').select(['content_id', 'document']).execute(),
  ]);
  const rows: BrokenLinkRow[] = [];
  const hrefs = (links: { href: string }[]) => [...new Set(links.map((l) => l.href))];
  for (const row of live) {
    const document = contentDocumentSchema.parse(row.document);
    const broken = hrefs(brokenLinks(document, (path) => book.resolvesLive(path)));
    if (broken.length) rows.push({ id: row.content_id, title: document.title, type: document.type, where: 'Live page', links: broken });
  }
  for (const row of latest) {
    if (row.published_version === row.latest_version) continue;
    const document = contentDocumentSchema.parse(row.document);
    const broken = hrefs(brokenLinks(document, (path) => book.resolves(path)));
    if (broken.length) rows.push({ id: row.id, title: document.title, type: document.type, where: 'Draft', links: broken });
  }
  return rows.sort((a, b) => a.title.localeCompare(b.title));
}
