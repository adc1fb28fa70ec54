import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SiteSearchDocumentsTable {
  source: string;
  key: string;
  kind: string;
  title: string;
  summary: string;
  url: string;
  body: string;
  date: Date | null;
  /** Generated from title, summary and body. */
  tsv: ColumnType<string, never, never>;
  indexed_at: Timestamp;
}

export interface SiteSearchWordsTable {
  word: string;
  documents: number;
}

export interface SiteSearchSynonymsTable {
  id: Generated<string>;
  words: ColumnType<string[], string[], string[]>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SiteSearchBestBetsTable {
  query: string;
  url: string;
  position: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SiteSearchMissesTable {
  query: string;
  searches: Generated<number>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export type SearchTables = {
  site_search_documents: SiteSearchDocumentsTable;
  site_search_words: SiteSearchWordsTable;
  site_search_synonyms: SiteSearchSynonymsTable;
  site_search_best_bets: SiteSearchBestBetsTable;
  site_search_misses: SiteSearchMissesTable;
};

export type SearchDb = Kysely<PlatformTables & SearchTables>;

export function searchDb(executor: Kysely<PlatformTables>): SearchDb {
  return executor.withTables<SearchTables>();
}
