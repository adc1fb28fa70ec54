import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables.ts';
import type { ContractorRoute } from '../reports/contracts.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb holding a route: read as parsed JSON (checked where it is used), written as a JSON string. */
type RouteJson = ColumnType<unknown, string, string>;

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface IntegrationRoutesTable {
  category_code: string;
  route: RouteJson;
  enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface IntegrationDeliveriesTable {
  id: Generated<string>;
  report_id: string;
  report_reference: string;
  category_code: string;
  route_key: string;
  system_key: string;
  route: RouteJson;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  leased_until: Timestamp | null;
  maybe_received: Generated<boolean>;
  external_id: string | null;
  external_token: string | null;
  first_attempt_at: Timestamp | null;
  sent_at: Timestamp | null;
  failed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface IntegrationPollMarksTable {
  system_key: string;
  polled_to: Timestamp;
  last_polled_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
}

export type IntegrationTables = {
  integration_routes: IntegrationRoutesTable;
  integration_deliveries: IntegrationDeliveriesTable;
  integration_poll_marks: IntegrationPollMarksTable;
};

export type IntegrationsDb = Kysely<PlatformTables & IntegrationTables>;

export type { ContractorRoute };
