import { sql } from 'kysely';
import type { Services } from '../../../platform/services.ts';
import { csvLine } from '../../../platform/http/csv.ts';
import { normaliseQuery } from './query-text.ts';
import { searchDb, type SearchDb } from './tables.ts';

export interface SynonymGroup {
  id: string;
  words: string[];
  updatedAt: Date;
}

export interface BestBet {
  url: string;
  /** The pinned item's title, or null when nothing at that address is indexed any more. */
  title: string | null;
}

export interface BestBetQuery {
  query: string;
  bets: BestBet[];
}

export interface SearchMiss {
  query: string;
  searches: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export const MISSES_PAGE_SIZE = 50;
const MAX_GROUP_WORDS = 20;
const MAX_WORD_LENGTH = 40;
const WORD = /^[\p{L}\p{N}]+(?:[ '’-][\p{L}\p{N}]+)*$/u;

/** The words of a synonyms box ("bin, refuse, Rubbish") checked, or what is wrong with them in GOV.UK wording. */
export function parseSynonyms(text: string): { ok: true; words: string[] } | { ok: false; error: string } {
  const words = [...new Set(text.split(/[,\n]/).map(normaliseQuery).filter((w) => w !== ''))];
  if (words.length < 2) return { ok: false, error: 'Enter at least 2 words, separated by commas' };
  if (words.length > MAX_GROUP_WORDS) return { ok: false, error: `Enter ${MAX_GROUP_WORDS} words or fewer` };
  const long = words.find((w) => w.length > MAX_WORD_LENGTH);
  if (long) return { ok: false, error: `Each word must be ${MAX_WORD_LENGTH} characters or fewer` };
  const odd = words.find((w) => !WORD.test(w));
  if (odd) return { ok: false, error: `“${odd}” must only include letters, numbers, spaces, hyphens and apostrophes` };
  return { ok: true, words };
}

/** Turns an address an editor pasted (a path, or a full link to this site) into the path search stores. */
export function addressPath(address: string, baseUrl: string): string | undefined {
  const trimmed = address.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed.split(/[?#]/)[0];
  try {
    const url = new URL(trimmed);
    return url.origin === new URL(baseUrl).origin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

type Actor = { actorId: string };

/** The editors' side of search: synonyms, best bets, and the report of searches that found nothing. */
export class SearchSettings {
  private readonly db: SearchDb;

  constructor(private readonly services: Services) {
    this.db = searchDb(services.db);
  }

  async synonymGroups(): Promise<SynonymGroup[]> {
    const rows = await this.db.selectFrom('site_search_synonyms').select(['id', 'words', 'updated_at']).orderBy(sql`words[1]`).execute();
    return rows.map((r) => ({ id: r.id, words: r.words, updatedAt: r.updated_at }));
  }

  async synonymGroup(id: string): Promise<SynonymGroup | undefined> {
    const row = await this.db.selectFrom('site_search_synonyms').select(['id', 'words', 'updated_at']).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, words: row.words, updatedAt: row.updated_at };
  }

  /**
   * Adds a group (id null) or replaces one's words. A word may be in one group only, so what it matches is plain
   * to see: the word already in another group is returned instead of saving.
   */
  async saveSynonymGroup(id: string | null, words: string[], actor: Actor): Promise<{ ok: true; id: string } | { ok: false; takenWord: string } | { ok: false; notFound: true }> {
    return this.services.db.transaction().execute(async (platformTrx) => {
      const trx = searchDb(platformTrx);
      // One editor at a time, so two groups cannot take the same word between the check and the write.
      await sql`select pg_advisory_xact_lock(hashtext('site.search.synonyms'))`.execute(trx);
      const clash = await trx
        .selectFrom('site_search_synonyms')
        .select('words')
        .where('words', '&&', sql<string[]>`${words}::text[]`)
        .$if(id !== null, (q) => q.where('id', '!=', id ?? ''))
        .executeTakeFirst();
      const takenWord = clash && words.find((w) => clash.words.includes(w));
      if (takenWord) return { ok: false as const, takenWord };
      let savedId: string;
      if (id === null) {
        const row = await trx.insertInto('site_search_synonyms').values({ words, updated_by: actor.actorId }).returning('id').executeTakeFirstOrThrow();
        savedId = row.id;
      } else {
        const before = await trx.selectFrom('site_search_synonyms').select('words').where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) return { ok: false as const, notFound: true as const };
        await trx.updateTable('site_search_synonyms').set({ words, updated_by: actor.actorId, updated_at: new Date() }).where('id', '=', id).execute();
        savedId = id;
      }
      const action = id === null ? 'site.search.synonyms_added' : 'site.search.synonyms_changed';
      await this.services.audit.record({ actorId: actor.actorId, action, subjectType: 'search_synonyms', subjectId: savedId, details: { words } }, platformTrx);
      return { ok: true as const, id: savedId };
    });
  }

  async deleteSynonymGroup(id: string, actor: Actor): Promise<boolean> {
    return this.services.db.transaction().execute(async (platformTrx) => {
      const trx = searchDb(platformTrx);
      const deleted = await trx.deleteFrom('site_search_synonyms').where('id', '=', id).returning('words').executeTakeFirst();
      if (!deleted) return false;
      await this.services.audit.record({ actorId: actor.actorId, action: 'site.search.synonyms_deleted', subjectType: 'search_synonyms', subjectId: id, details: { words: deleted.words } }, platformTrx);
      return true;
    });
  }

  async bestBets(): Promise<BestBetQuery[]> {
    const rows = await this.db
      .selectFrom('site_search_best_bets as b')
      .select(['b.query', 'b.url'])
      .select((eb) => eb.selectFrom('site_search_documents as d').select('d.title').whereRef('d.url', '=', 'b.url').orderBy('d.source').limit(1).as('title'))
      .orderBy('b.query')
      .orderBy('b.position')
      .execute();
    const byQuery = new Map<string, BestBet[]>();
    for (const row of rows) {
      const bets = byQuery.get(row.query) ?? [];
      bets.push({ url: row.url, title: row.title });
      byQuery.set(row.query, bets);
    }
    return [...byQuery].map(([query, bets]) => ({ query, bets }));
  }

  /** The title of what search has at an address, if anything. */
  async indexedTitle(url: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('site_search_documents').select('title').where('url', '=', url).orderBy('source').limit(1).executeTakeFirst();
    return row?.title;
  }

  /** Pins an address to a query, after the query's other best bets. False when it is pinned there already. */
  async addBestBet(query: string, url: string, actor: Actor): Promise<boolean> {
    const normalised = normaliseQuery(query);
    return this.services.db.transaction().execute(async (platformTrx) => {
      const trx = searchDb(platformTrx);
      await sql`select pg_advisory_xact_lock(hashtext(${`site.search.best-bets:${normalised}`}))`.execute(trx);
      const top = await trx.selectFrom('site_search_best_bets').select((eb) => eb.fn.max('position').as('position')).where('query', '=', normalised).executeTakeFirst();
      const inserted = await trx
        .insertInto('site_search_best_bets')
        .values({ query: normalised, url, position: (top?.position ?? 0) + 1, created_by: actor.actorId })
        .onConflict((oc) => oc.columns(['query', 'url']).doNothing())
        .returning('url')
        .executeTakeFirst();
      if (!inserted) return false;
      await this.services.audit.record({ actorId: actor.actorId, action: 'site.search.best_bet_added', subjectType: 'search_query', subjectId: normalised, details: { url } }, platformTrx);
      return true;
    });
  }

  async removeBestBet(query: string, url: string, actor: Actor): Promise<boolean> {
    return this.services.db.transaction().execute(async (platformTrx) => {
      const trx = searchDb(platformTrx);
      const removed = await trx.deleteFrom('site_search_best_bets').where('query', '=', query).where('url', '=', url).executeTakeFirst();
      if (!removed.numDeletedRows) return false;
      await this.services.audit.record({ actorId: actor.actorId, action: 'site.search.best_bet_removed', subjectType: 'search_query', subjectId: query, details: { url } }, platformTrx);
      return true;
    });
  }

  /** Searches that found nothing, most often searched first. */
  async misses(page: number): Promise<{ rows: SearchMiss[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('site_search_misses')
        .selectAll()
        .orderBy('searches', 'desc')
        .orderBy('last_seen_at', 'desc')
        .orderBy('query')
        .limit(MISSES_PAGE_SIZE)
        .offset((page - 1) * MISSES_PAGE_SIZE)
        .execute(),
      this.db.selectFrom('site_search_misses').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toMiss), total: Number(count.n) };
  }

  /** The whole report as CSV lines, header first. */
  async *missesCsv(): AsyncGenerator<string> {
    yield csvLine(['Query', 'Searches', 'First searched', 'Last searched']);
    const rows = await this.db.selectFrom('site_search_misses').selectAll().orderBy('searches', 'desc').orderBy('last_seen_at', 'desc').orderBy('query').execute();
    for (const row of rows) yield csvLine([row.query, String(row.searches), row.first_seen_at.toISOString(), row.last_seen_at.toISOString()]);
  }
}

function toMiss(row: { query: string; searches: number; first_seen_at: Date; last_seen_at: Date }): SearchMiss {
  return { query: row.query, searches: row.searches, firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at };
}
