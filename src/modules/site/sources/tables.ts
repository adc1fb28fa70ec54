import type { ColumnType, Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import { siteDb } from '../tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read as parsed JSON (checked where it is read), written as a JSON string. */
type Json = ColumnType<unknown, string, string>;

export interface SiteSourceStateTable {
  singleton: ColumnType<boolean, never, never>;
  sync_token: string | null;
  token_scope: string | null;
  initial_in_progress: ColumnType<boolean, never, boolean>;
  last_run_at: NullableTimestamp;
  last_success_at: NullableTimestamp;
  last_applied: ColumnType<number, never, number>;
  last_removed: ColumnType<number, never, number>;
  last_skipped: ColumnType<number, never, number>;
  last_problems: ColumnType<unknown, never, string>;
  last_error: string | null;
  last_error_at: NullableTimestamp;
  sync_requested_at: NullableTimestamp;
}

export interface SiteContentfulItemsTable {
  id: string;
  kind: 'Entry' | 'Asset';
  content_id: string;
  content_type: string | null;
  fields: Json;
  links: ColumnType<string[], string[], string[]>;
  updated_at: Timestamp;
}

export type SourceTables = {
  site_source_state: SiteSourceStateTable;
  site_contentful_items: SiteContentfulItemsTable;
};

/** The site's tables and the content sources' own, typed, on the database or a transaction. */
export function sourcesDb(executor: Kysely<PlatformTables>) {
  return siteDb(executor).withTables<SourceTables>();
}
export type SourcesDb = ReturnType<typeof sourcesDb>;
