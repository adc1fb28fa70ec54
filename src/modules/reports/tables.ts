import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { Channel, Priority, ReportState } from './contracts.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb the module writes itself: read as parsed JSON, written as a JSON string. */
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;

export type AssetLayerName = 'streetlights' | 'gullies';
export type UpdateAuthor = 'staff' | 'open311' | 'contractor' | 'system' | 'resident';

export interface ReportCategoriesTable {
  code: string;
  name: string;
  group_name: string;
  description: string;
  asset_layer: AssetLayerName | null;
  form_id: string;
  default_priority: Priority;
  located_by: 'asset' | 'street';
  standard_response_hours: number;
  emergency_phone: string | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
}

export interface StreetAssetsTable {
  id: string;
  layer: AssetLayerName;
  lon: number;
  lat: number;
  usrn: number | null;
  status: Generated<'ok' | 'in_programme'>;
  programme_note: string | null;
  attributes: JsonObject;
}

export interface ReportsTable {
  id: Generated<string>;
  reference: string;
  category_code: string;
  state: Generated<ReportState>;
  priority: Priority;
  lon: number;
  lat: number;
  ward_code: string | null;
  usrn: number | null;
  asset_id: string | null;
  description: string;
  location_description: string | null;
  answers: JsonObject;
  photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  show_name: Generated<boolean>;
  channel: Channel;
  staff_id: string | null;
  open311_client_id: string | null;
  duplicate_of: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  due_at: NullableTimestamp;
  fixed_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  reopened_count: Generated<number>;
  hidden: Generated<boolean>;
  external_reference: string | null;
}

export interface ReportUpdatesTable {
  id: Generated<string>;
  report_id: string;
  visibility: 'public' | 'internal';
  from_state: ReportState | null;
  to_state: ReportState | null;
  text: string | null;
  author_kind: UpdateAuthor;
  author_id: string | null;
  external_update_id: string | null;
  created_at: CreatedAt;
  recorded_at: Generated<Date>;
}

export interface ReportSubscriptionsTable {
  id: string;
  report_id: string;
  user_id: string | null;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
  unsubscribe_token_hash: string;
}

export interface ReportResponseTemplatesTable {
  id: Generated<number>;
  category_code: string | null;
  state: ReportState;
  title: string;
  text: string;
}

export interface ReportQuestionnairesTable {
  report_id: string;
  token_hash: string;
  sent_at: CreatedAt;
  answered_at: NullableTimestamp;
  fixed: boolean | null;
}

export type ReportsTables = {
  report_categories: ReportCategoriesTable;
  street_assets: StreetAssetsTable;
  reports: ReportsTable;
  report_updates: ReportUpdatesTable;
  report_subscriptions: ReportSubscriptionsTable;
  report_response_templates: ReportResponseTemplatesTable;
  report_questionnaires: ReportQuestionnairesTable;
};

export type ReportsDb = Kysely<PlatformTables & ReportsTables>;

/** The module's view of the database (or of a transaction) with its own tables typed as well. */
export function reportsDb(executor: Kysely<PlatformTables>): ReportsDb {
  return executor.withTables<ReportsTables>();
}
