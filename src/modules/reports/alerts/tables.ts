import type { ColumnType, Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { ReportsTables } from '../tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ReportAlertsTable {
  id: string;
  email: string;
  user_id: string | null;
  ward_code: string | null;
  lon: number | null;
  lat: number | null;
  radius_metres: number | null;
  place_label: string | null;
  category_codes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  confirm_token_hash: string;
  confirmed_at: NullableTimestamp;
  unsubscribe_token_hash: string;
  last_report_at: NullableTimestamp;
}

export type AlertTables = ReportsTables & { report_alerts: ReportAlertsTable };
export type AlertsDb = Kysely<PlatformTables & AlertTables>;

export function alertsDb(executor: Kysely<PlatformTables>): AlertsDb {
  return executor.withTables<AlertTables>();
}
