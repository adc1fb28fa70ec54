import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types for the platform's own tables. Modules declare theirs and use `db.withTables<...>()`. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PostalAddress {
  uprn?: string;
  lines: string[];
  town: string;
  postcode: string;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_verified_at: Timestamp | null;
  password_hash: string | null;
  name: string | null;
  phone: string | null;
  address: JSONColumnType<PostalAddress> | null;
  notify_email: Generated<boolean>;
  notify_sms: Generated<boolean>;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  last_sign_in_at: Timestamp | null;
}

export interface RolesTable {
  name: string;
  label: string;
  description: string;
}

export interface PermissionsTable {
  name: string;
  description: string;
}

export interface RolePermissionsTable {
  role: string;
  permission: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  data: JSONColumnType<Record<string, unknown>>;
  user_id: string | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email' | 'reset_password' | 'change_email';
  new_email: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: number;
  occurred_at: Timestamp;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: JSONColumnType<Record<string, unknown>>;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface NotifyMessagesTable {
  id: Generated<string>;
  channel: 'email' | 'sms';
  recipient: string;
  subject: Generated<string>;
  body: string;
  reference: string | null;
  status: 'outbox' | 'queued' | 'sent' | 'failed';
  notify_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface GazetteerStreetsTable {
  usrn: number;
  name: string;
  locality: string | null;
  town: string;
  ward_code: string | null;
  responsibility: 'council' | 'national_highways' | 'private';
  geometry: JSONColumnType<[number, number][]>;
  lon: number;
  lat: number;
  reach_m: Generated<number>;
  source: Generated<string>;
}

export interface GazetteerAddressesTable {
  uprn: number;
  usrn: number | null;
  line1: string;
  line2: string | null;
  line3: string | null;
  town: string;
  postcode: string;
  lon: number;
  lat: number;
  ward_code: string | null;
  lsoa_code: string | null;
  source: Generated<string>;
}

export interface PlatformTables {
  users: UsersTable;
  roles: RolesTable;
  permissions: PermissionsTable;
  role_permissions: RolePermissionsTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  audit_log: AuditLogTable;
  notify_messages: NotifyMessagesTable;
  gazetteer_streets: GazetteerStreetsTable;
  gazetteer_addresses: GazetteerAddressesTable;
}
