import { sql } from 'kysely';
import type { Services } from '../../../platform/services.ts';
import { CONTENT_TYPE_LABELS } from '../contracts.ts';
import { formsSearchSource } from './forms-source.ts';
import { looksPersonal, normaliseQuery, PERSONAL_DATA_REMOVED, queryWords, replaceWords } from './query-text.ts';
import { SearchSettings } from './settings.ts';
import { searchDb, type SearchDb } from './tables.ts';

/** One thing a source gives search to find. `key` is unique within the source; `url` is where the result links. */
export interface SearchDocument {
  key: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  /** Words to match beyond the title and summary, ranked below them. */
  body?: string;
  /** The date the result shows (an event's start). */
  date?: Date | null;
}

/**
 * Something other modules give search to find: forms, and the community directory's services when that module
 * exists (it registers with `site(services).search.addSource(...)` in its setUp). A source lists everything it
 * has; the index is brought in line with that list when search first runs, every quarter of an hour, and on demand.
 */
export interface SearchSource {
  /** Stored with each document; unique, and not "site" (the built-in content). */
  name: string;
  /** What each kind the source uses is called on the results page: `{ service: 'Community service' }`. */
  kinds: Record<string, string>;
  documents(): Promise<SearchDocument[]>;
}

export interface SearchHit {
  title: string;
  url: string;
  summary: string;
  kind: string;
  kindLabel: string;
  date: Date | null;
  /** Pinned to this query by an editor. */
  bestBet: boolean;
}

export interface SearchRequest {
  query: string;
  kind?: string;
  page?: number;
  /** Search for the words as typed, without spelling suggestions ("Search instead for …"). */
  exact?: boolean;
}

export interface SearchResults {
  query: string;
  /** The query searched for when words were misspelt ("Showing results for …"); undefined when none were. */
  correctedQuery: string | undefined;
  /** Best bets (first page only) then ranked results. */
  hits: SearchHit[];
  /** Every result, best bets included. */
  total: number;
  page: number;
  pageSize: number;
}

export const SEARCH_PAGE_SIZE = 20;
export const REINDEX_JOB = 'site.search.reindex-sources';
/** How alike a vocabulary word must be to a misspelt one to be used instead (pg_trgm similarity, 0 to 1). */
const SPELLING_SIMILARITY = 0.4;
// ts_rewrite reads the synonym rules with this query on each search: a constant, never user input.
const SYNONYM_RULES = 'select target, substitute from site_search_synonym_rules';

interface HitRow {
  kind: string;
  title: string;
  summary: string;
  url: string;
  date: Date | null;
  total: string;
}

export class SiteSearch {
  private readonly db: SearchDb;
  private readonly sources = new Map<string, SearchSource>();
  private sourcesIndexed: Promise<void> | undefined;
  /** Synonyms, best bets and the report of searches that found nothing: the editors' side. */
  readonly settings: SearchSettings;

  constructor(readonly services: Services) {
    this.db = searchDb(services.db);
    this.settings = new SearchSettings(services);
  }

  /** Registers the sources this platform has and the job that keeps them indexed. */
  setUp(): void {
    const forms = formsSearchSource(this.services);
    if (forms) this.addSource(forms);
    this.services.jobs.define({ name: REINDEX_JOB, cron: '*/15 * * * *', retryLimit: 1, handler: async () => void (await this.reindex()) });
  }

  addSource(source: SearchSource): void {
    if (source.name === 'site' || this.sources.has(source.name)) throw new Error(`A search source called "${source.name}" is already registered`);
    this.sources.set(source.name, source);
    this.sourcesIndexed = undefined;
  }

  /** What each kind of result is called: content types, then the sources' own kinds. */
  kindLabels(): Record<string, string> {
    const labels: Record<string, string> = { ...CONTENT_TYPE_LABELS };
    for (const source of this.sources.values()) Object.assign(labels, source.kinds);
    return labels;
  }

  /** Brings the index in line with each source (or one), returning how many documents they hold. */
  async reindex(sourceName?: string): Promise<number> {
    let count = 0;
    for (const source of this.sources.values()) {
      if (sourceName === undefined || source.name === sourceName) count += await this.indexSource(source);
    }
    return count;
  }

  private async indexSource(source: SearchSource): Promise<number> {
    const documents = await source.documents();
    await this.db.transaction().execute(async (trx) => {
      // Two nodes starting together take turns rather than deadlock on the same rows.
      await sql`select pg_advisory_xact_lock(hashtext(${`site.search:${source.name}`}))`.execute(trx);
      const keys = documents.map((d) => d.key);
      await trx
        .deleteFrom('site_search_documents')
        .where('source', '=', source.name)
        .$if(keys.length > 0, (q) => q.where('key', '!=', sql<string>`all(${keys})`))
        .execute();
      for (const d of [...documents].sort((a, b) => a.key.localeCompare(b.key))) {
        const row = { kind: d.kind, title: d.title, summary: d.summary, url: d.url, body: d.body ?? '', date: d.date ?? null };
        await trx
          .insertInto('site_search_documents')
          .values({ source: source.name, key: d.key, ...row })
          .onConflict((oc) =>
            oc
              .columns(['source', 'key'])
              .doUpdateSet({ ...row, indexed_at: new Date() })
              // Unchanged documents are left alone, so the vocabulary trigger does no work for them.
              .where((eb) =>
                eb.or([
                  eb('site_search_documents.title', '!=', row.title),
                  eb('site_search_documents.summary', '!=', row.summary),
                  eb('site_search_documents.body', '!=', row.body),
                  eb('site_search_documents.url', '!=', row.url),
                  eb('site_search_documents.kind', '!=', row.kind),
                  sql<boolean>`site_search_documents.date is distinct from ${row.date}`,
                ]),
              ),
          )
          .execute();
      }
    });
    return documents.length;
  }

  /** The sources are indexed once per process before the first search, and again by the job or on demand. */
  private ensureSourcesIndexed(): Promise<void> {
    this.sourcesIndexed ??= this.reindex().then(
      () => undefined,
      (error: unknown) => {
        this.sourcesIndexed = undefined;
        this.services.log.warn({ err: error }, 'search could not index its sources; searching what is indexed');
      },
    );
    return this.sourcesIndexed;
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const query = request.query.trim().replace(/\s+/g, ' ');
    const page = Math.max(1, request.page ?? 1);
    const pageSize = SEARCH_PAGE_SIZE;
    if (query === '') return { query, correctedQuery: undefined, hits: [], total: 0, page, pageSize };
    await this.ensureSourcesIndexed();

    const corrected = request.exact ? undefined : await this.correctSpelling(query);
    const searched = corrected ?? query;
    const normalised = normaliseQuery(query);
    const labels = this.kindLabels();
    const kind = request.kind ?? null;

    const bets = await sql<Omit<HitRow, 'total'>>`
      select d.kind, d.title, d.summary, d.url, d.date
      from site_search_best_bets b
      cross join lateral (
        select * from site_search_documents d where d.url = b.url and (${kind}::text is null or d.kind = ${kind}) order by d.source, d.key limit 1
      ) d
      where b.query = ${normalised}
      order by b.position`.execute(this.db);
    const betUrls = bets.rows.map((b) => b.url);

    const offset = (page - 1) * pageSize;
    const found = await sql<HitRow>`
      -- ts_rewrite runs SQL, so PostgreSQL treats it as volatile: worked out once here, or the index goes unused.
      with q as (select ts_rewrite(websearch_to_tsquery('english', ${searched}), ${SYNONYM_RULES}) as query),
      matched as (
        select d.kind, d.title, d.summary, d.url, d.date,
          -- ts_rank, not ts_rank_cd: a third of the cost over a thousand matches, and the title terms decide most orders.
          ts_rank(d.tsv, q.query, 32)
            + 0.5 * similarity(lower(d.title), ${searched.toLowerCase()})
            + case when lower(d.title) = ${searched.toLowerCase()} then 1 else 0 end as score
        from site_search_documents d, q
        where d.tsv @@ q.query
          and (${kind}::text is null or d.kind = ${kind})
          and d.url <> all(${betUrls}::text[])
      )
      select kind, title, summary, url, date, count(*) over () as total
      from matched
      order by score desc, title, url
      limit ${pageSize} offset ${offset}`.execute(this.db);

    const ranked = found.rows.map((row) => hit(row, labels, false));
    let total = Number(found.rows[0]?.total ?? 0);
    // Past the last page there are no rows to carry the total: count without them.
    if (found.rows.length === 0 && page > 1) total = await this.count(searched, kind, betUrls);
    total += bets.rows.length;
    if (total === 0 && kind === null) await this.recordMiss(normalised);
    const hits = page === 1 ? [...bets.rows.map((row) => hit(row, labels, true)), ...ranked] : ranked;
    return { query, correctedQuery: corrected, hits, total, page, pageSize };
  }

  private async count(searched: string, kind: string | null, betUrls: string[]): Promise<number> {
    const result = await sql<{ total: string }>`
      with q as (select ts_rewrite(websearch_to_tsquery('english', ${searched}), ${SYNONYM_RULES}) as query)
      select count(*) as total from site_search_documents d, q
      where d.tsv @@ q.query
        and (${kind}::text is null or d.kind = ${kind}) and d.url <> all(${betUrls}::text[])`.execute(this.db);
    return Number(result.rows[0]?.total ?? 0);
  }

  /**
   * Words the site does not have (not in the vocabulary, not a synonym, not a stop word) are replaced by the most
   * alike word it does have. Returns the corrected query, or undefined when nothing was changed.
   */
  private async correctSpelling(query: string): Promise<string | undefined> {
    const words = queryWords(query);
    if (words.length === 0) return undefined;
    const result = await sql<{ word: string; suggestion: string | null }>`
      select t.word, (
        select w.word from site_search_words w
        where w.word % t.word and similarity(w.word, t.word) >= ${SPELLING_SIMILARITY}
        order by similarity(w.word, t.word) desc, w.documents desc, w.word
        limit 1
      ) as suggestion
      from unnest(${words}::text[]) as t(word)
      where not exists (select 1 from site_search_words w where w.word = t.word)
        and not exists (select 1 from site_search_synonyms s where s.words @> array[t.word])
        and numnode(plainto_tsquery('english', t.word)) > 0`.execute(this.db);
    const corrections = new Map(result.rows.flatMap((r) => (r.suggestion ? [[r.word, r.suggestion] as const] : [])));
    return corrections.size > 0 ? replaceWords(query, corrections) : undefined;
  }

  private async recordMiss(normalised: string): Promise<void> {
    const query = looksPersonal(normalised) ? PERSONAL_DATA_REMOVED : normalised;
    await this.db.transaction().execute(async (trx) => {
      // A count for a report: the search need not wait for the disk, and a crash may lose the last few.
      await sql`set local synchronous_commit = off`.execute(trx);
      await trx
        .insertInto('site_search_misses')
        .values({ query })
        .onConflict((oc) => oc.column('query').doUpdateSet({ searches: sql`site_search_misses.searches + 1`, last_seen_at: sql`now()` }))
        .execute();
    });
  }
}

function hit(row: Omit<HitRow, 'total'>, labels: Record<string, string>, bestBet: boolean): SearchHit {
  return { title: row.title, url: row.url, summary: row.summary, kind: row.kind, kindLabel: labels[row.kind] ?? row.kind, date: row.date, bestBet };
}
