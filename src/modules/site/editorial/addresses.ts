import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { CONTENT_ROUTES, contentDocumentSchema, type ContentDocument } from '../contracts.ts';
import { siteDb } from '../tables.ts';
import { documentAddresses } from './links.ts';

/** Whether a path is answered by one of the app's own routes (/report, /forms/:id, /search), not by content. */
export type RouteMatcher = (path: string) => boolean;

type Kind = 'latest' | 'live';

/**
 * Every address the site answers or has promised: each item's latest version (drafts reserve their address), what
 * is live (which may differ while a move is in draft), guide sections, redirects and the app's routes.
 */
export class AddressBook {
  private readonly holders = new Map<string, Map<string, Set<Kind>>>();

  constructor(
    private readonly redirects: Set<string>,
    private readonly routes: RouteMatcher | undefined,
  ) {}

  /** Records (or, with null, forgets) the addresses an item holds as its latest version or its live copy. */
  set(id: string, kind: Kind, document: ContentDocument | null): void {
    this.setAddresses(id, kind, document ? documentAddresses(document) : []);
  }

  setAddresses(id: string, kind: Kind, addresses: string[]): void {
    for (const byId of this.holders.values()) byId.get(id)?.delete(kind);
    for (const path of addresses) {
      const byId = this.holders.get(path) ?? new Map<string, Set<Kind>>();
      byId.set(id, (byId.get(id) ?? new Set<Kind>()).add(kind));
      this.holders.set(path, byId);
    }
  }

  /** Another item, or another part of the app, that holds one of these addresses. */
  clash(id: string, document: ContentDocument): { path: string; by: 'content' | 'route' | 'redirect' } | undefined {
    for (const path of documentAddresses(document)) {
      const others = [...(this.holders.get(path) ?? new Map<string, Set<Kind>>())].filter(([holder, kinds]) => holder !== id && kinds.size > 0);
      if (others.length > 0) return { path, by: 'content' };
      if (this.redirects.has(path)) return { path, by: 'redirect' };
      if (!CONTENT_ROUTES.has(path) && this.routes?.(path)) return { path, by: 'route' };
    }
    return undefined;
  }

  /** What holds an address already: content (live or draft), or one of the app's routes. */
  usedBy(path: string): 'content' | 'route' | undefined {
    if ([...(this.holders.get(path)?.values() ?? [])].some((kinds) => kinds.size > 0)) return 'content';
    return this.routes?.(path) ? 'route' : undefined;
  }

  /**
   * Whether a link to this path goes somewhere: live or draft content, a redirect, or a route of the app. Without
   * the app's routes (a command-line import), links that are not content cannot be judged and count as working.
   */
  resolves(path: string): boolean {
    if ([...(this.holders.get(path)?.values() ?? [])].some((kinds) => kinds.size > 0)) return true;
    if (this.redirects.has(path)) return true;
    return this.routes ? this.routes(path) : true;
  }

  /** Only live addresses: for the broken links report, where a draft's address is not a page anyone can open. */
  isLive(path: string): boolean {
    return [...(this.holders.get(path)?.values() ?? [])].some((kinds) => kinds.has('live'));
  }

  resolvesLive(path: string): boolean {
    if (this.isLive(path) || this.redirects.has(path)) return true;
    return this.routes ? this.routes(path) : true;
  }
}

/** Reads every address the site holds now. */
export async function loadAddressBook(executor: Kysely<PlatformTables>, routes: RouteMatcher | undefined, options: { redirects?: string[] } = {}): Promise<AddressBook> {
  const db = siteDb(executor);
  // Only a guide's document is needed: its sections have addresses of their own.
  const [latest, live, redirects] = await Promise.all([
    db
      .selectFrom('site_content as c')
      .leftJoin('site_content_versions as v', (j) => j.onRef('v.content_id', '=', 'c.id').onRef('v.version', '=', 'c.latest_version').on('c.type', '=', 'guide'))
      .select(['c.id', 'c.path', 'v.document'])
      .execute(),
    db
      .selectFrom('site_published')
      .select(['content_id as id', 'path'])
      .select((eb) => eb.case().when('type', '=', 'guide').then(eb.ref('document')).else(null).end().as('document'))
      .execute(),
    db.selectFrom('site_redirects').select('from_path').execute(),
  ]);
  const book = new AddressBook(new Set(options.redirects ?? redirects.map((r) => r.from_path)), routes);
  const addresses = (row: { path: string | null; document: unknown }) =>
    row.document === null || row.document === undefined ? (row.path === null ? [] : [row.path]) : documentAddresses(contentDocumentSchema.parse(row.document));
  for (const row of latest) book.setAddresses(row.id, 'latest', addresses(row));
  for (const row of live) book.setAddresses(row.id, 'live', addresses(row));
  return book;
}
