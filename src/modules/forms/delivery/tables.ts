import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { TargetDefinition } from '../contracts.ts';
import type { FormsTables } from '../tables.ts';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface FormDeliveriesTable {
  id: Generated<string>;
  submission_id: string;
  target_index: number;
  target_type: TargetDefinition['type'];
  target: JSONColumnType<TargetDefinition>;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  external_reference: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The engine's tables (migrations/001_forms.sql) and delivery's own (002_delivery.sql). */
export type DeliveryTables = FormsTables & { form_deliveries: FormDeliveriesTable };
