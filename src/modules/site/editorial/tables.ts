import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { SiteTables } from '../tables.ts';

/** migrations/003_editorial.sql */
export interface SiteSchedulesTable {
  id: Generated<string>;
  content_id: string;
  action: 'publish' | 'unpublish';
  version: number | null;
  run_at: ColumnType<Date, Date, Date>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  cancelled_at: Date | null;
  done_at: Date | null;
  failed_reason: string | null;
}

export type EditorialTables = SiteTables & { site_schedules: SiteSchedulesTable };
export type EditorialDb = Kysely<PlatformTables & EditorialTables>;

export function editorialDb(executor: Kysely<PlatformTables>): EditorialDb {
  return executor.withTables<EditorialTables>();
}

/** Each item (`c`) with its latest saved version (`v`): what editors see and what checks run against. */
export function latestVersions(executor: Kysely<PlatformTables>) {
  return editorialDb(executor)
    .selectFrom('site_content as c')
    .innerJoin('site_content_versions as v', (j) => j.onRef('v.content_id', '=', 'c.id').onRef('v.version', '=', 'c.latest_version'));
}
