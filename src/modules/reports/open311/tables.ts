import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface Open311ClientsTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  jurisdiction_id: string | null;
  rate_limit_per_minute: number;
  created_at: CreatedAt;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type Open311Tables = {
  open311_clients: Open311ClientsTable;
};
