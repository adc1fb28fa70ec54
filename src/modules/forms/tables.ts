import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: read as parsed JSON (checked where it is used), written as a JSON string. */
type Json = ColumnType<unknown, string, string>;

export interface FormVersionsTable {
  form_id: string;
  version: number;
  definition: Json;
  source: 'repo' | 'staff';
  published_by: string | null;
  published_at: CreatedAt;
}

export interface FormDraftsTable {
  id: Generated<string>;
  form_id: string;
  form_version: number;
  user_id: string | null;
  email: string | null;
  token_hash: string | null;
  answers: Json;
  answered: string[];
  created_at: CreatedAt;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

export interface FormSubmissionsTable {
  id: Generated<string>;
  reference: string;
  form_id: string;
  form_version: number;
  form_title: string;
  answers: Json;
  channel: 'online' | 'assisted';
  user_id: string | null;
  staff_id: string | null;
  contact: Json;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

export type FormsTables = {
  form_versions: FormVersionsTable;
  form_drafts: FormDraftsTable;
  form_submissions: FormSubmissionsTable;
};

export type FormsDb = Kysely<PlatformTables & FormsTables>;
