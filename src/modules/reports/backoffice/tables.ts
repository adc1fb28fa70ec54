import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { ReportsTables } from '../tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ReportTeamsTable {
  code: string;
  name: string;
}

export interface ReportAssignmentsTable {
  report_id: string;
  team_code: string | null;
  inspector_id: string | null;
  assigned_by: string | null;
  assigned_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ModerationAction = 'hidden' | 'redacted' | 'shown';

export interface ReportModerationsTable {
  id: Generated<string>;
  report_id: string;
  action: ModerationAction;
  reason: string;
  original_description: string;
  original_photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  public_description: string;
  public_photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  moderator_id: string | null;
  created_at: CreatedAt;
}

export type BackofficeTables = ReportsTables & {
  report_teams: ReportTeamsTable;
  report_assignments: ReportAssignmentsTable;
  report_moderations: ReportModerationsTable;
};

export type BackofficeDb = Kysely<PlatformTables & BackofficeTables>;

/** The back office's view of the database (or a transaction), with the reports tables and its own typed. */
export function backofficeDb(executor: Kysely<PlatformTables>): BackofficeDb {
  return executor.withTables<BackofficeTables>();
}
