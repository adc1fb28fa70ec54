import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { ContentType } from './contracts.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON (validated with contentDocumentSchema where it is used), written as a JSON string. */
type Json = ColumnType<unknown, string, string>;

export interface SiteContentTable {
  id: Generated<string>;
  type: ContentType;
  path: string | null;
  latest_version: Generated<number>;
  published_version: number | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SiteContentVersionsTable {
  content_id: string;
  version: number;
  document: Json;
  author_id: string | null;
  note: Generated<string>;
  created_at: CreatedAt;
}

export interface SitePublishedTable {
  content_id: string;
  type: ContentType;
  path: string | null;
  title: string;
  summary: string;
  topic_ids: ColumnType<string[], string[] | undefined, string[]>;
  document: Json;
  version: number;
  first_published_at: Timestamp;
  published_at: Timestamp;
}

export interface SiteRedirectsTable {
  from_path: string;
  to_path: string;
  permanent: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SiteMenuLinksTable {
  menu: 'header' | 'footer';
  position: number;
  text: string;
  href: string;
}

export interface SiteSettingsTable {
  singleton: Generated<boolean>;
  name: string;
  tagline: Generated<string>;
  logo_url: string | null;
  updated_at: Timestamp;
}

export type SiteTables = {
  site_content: SiteContentTable;
  site_content_versions: SiteContentVersionsTable;
  site_published: SitePublishedTable;
  site_redirects: SiteRedirectsTable;
  site_menu_links: SiteMenuLinksTable;
  site_settings: SiteSettingsTable;
};

export type SiteDb = Kysely<PlatformTables & SiteTables>;

/** The module's view of the database (or of a transaction) with its own tables typed as well. */
export function siteDb(executor: Kysely<PlatformTables>): SiteDb {
  return executor.withTables<SiteTables>();
}
