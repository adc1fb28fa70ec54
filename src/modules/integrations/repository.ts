import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { ContractorRoute } from '../reports/contracts.ts';
import { parseRoute, routeKey, systemKey } from './routing.ts';
import type { DeliveryStatus, IntegrationTables } from './tables.ts';

export interface Delivery {
  id: string;
  reportId: string;
  reportReference: string;
  categoryCode: string;
  routeKey: string;
  route: ContractorRoute | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  externalId: string | null;
  externalToken: string | null;
  firstAttemptAt: Date | null;
  sentAt: Date | null;
  failedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContractorSystem {
  systemKey: string;
  route: ContractorRoute | null;
  firstSentAt: Date;
}

export interface PollMark {
  systemKey: string;
  polledTo: Date;
  lastPolledAt: Date;
  lastError: string | null;
}

/** A delivery taken for one attempt; `lookFirst` when an earlier attempt may have reached the contractor. */
export interface ClaimedDelivery extends Delivery {
  lookFirst: boolean;
}

const columns = [
  'id', 'report_id', 'report_reference', 'category_code', 'route_key', 'route', 'status', 'attempts', 'last_error',
  'external_id', 'external_token', 'first_attempt_at', 'sent_at', 'failed_at', 'created_at', 'updated_at',
] as const;

interface DeliveryRow {
  id: string;
  report_id: string;
  report_reference: string;
  category_code: string;
  route_key: string;
  route: unknown;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  external_id: string | null;
  external_token: string | null;
  first_attempt_at: Date | null;
  sent_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    reportId: row.report_id,
    reportReference: row.report_reference,
    categoryCode: row.category_code,
    routeKey: row.route_key,
    route: parseRoute(row.route),
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    externalId: row.external_id,
    externalToken: row.external_token,
    firstAttemptAt: row.first_attempt_at,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type Settlement =
  | { status: 'sent'; externalId?: string; token?: string }
  | { status: 'pending'; error: string; maybeReceived: boolean }
  | { status: 'failed'; error: string; maybeReceived: boolean };

/** The SQL behind deliveries to contractors. */
export class DeliveryRepository {
  constructor(private readonly db: Db) {}

  private t(executor: Executor = this.db) {
    return executor.withTables<IntegrationTables>();
  }

  /** Adds the delivery unless this report already has one to this destination; returns the new id only. */
  async insert(trx: Executor, report: { id: string; reference: string; categoryCode: string }, route: ContractorRoute): Promise<string | undefined> {
    const row = await this.t(trx)
      .insertInto('integration_deliveries')
      .values({ report_id: report.id, report_reference: report.reference, category_code: report.categoryCode, route_key: routeKey(route), system_key: systemKey(route), route: JSON.stringify(route), last_error: null, leased_until: null, external_id: null, external_token: null, first_attempt_at: null, sent_at: null, failed_at: null })
      .onConflict((oc) => oc.columns(['report_id', 'route_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }

  async find(id: string): Promise<Delivery | null> {
    const row = await this.t().selectFrom('integration_deliveries').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  async forReport(reportId: string): Promise<Delivery[]> {
    const rows = await this.t().selectFrom('integration_deliveries').select(columns).where('report_id', '=', reportId).orderBy('created_at').execute();
    return rows.map(toDelivery);
  }

  /**
   * Takes a pending delivery for one attempt, holding it for `leaseSeconds` so a second run of the
   * job cannot send it alongside. It is marked as maybe received from here on, so that if this
   * process dies mid-attempt the next one looks before posting; `lookFirst` is the mark as it was.
   */
  async claim(id: string, leaseSeconds: number): Promise<ClaimedDelivery | null> {
    const result = await sql<DeliveryRow & { look_first: boolean }>`
      with before as (
        select id, maybe_received from integration_deliveries
        where id = ${id} and status = 'pending' and (leased_until is null or leased_until < now())
        for update skip locked)
      update integration_deliveries d
      set attempts = d.attempts + 1, leased_until = now() + make_interval(secs => ${leaseSeconds}), maybe_received = true,
          first_attempt_at = coalesce(d.first_attempt_at, now()), updated_at = now()
      from before where d.id = before.id
      returning ${sql.join(columns.map((c) => sql.ref(`d.${c}`)))}, before.maybe_received as look_first`.execute(this.db);
    const row = result.rows[0];
    return row ? { ...toDelivery(row), lookFirst: row.look_first } : null;
  }

  /** Records an attempt's outcome and lets the delivery go. */
  async settle(id: string, outcome: Settlement, executor?: Executor): Promise<void> {
    const now = new Date();
    const common = { leased_until: null, updated_at: now };
    const table = this.t(executor).updateTable('integration_deliveries').where('id', '=', id);
    if (outcome.status === 'sent') {
      await table
        .set({ ...common, status: 'sent', sent_at: now, last_error: null, maybe_received: false, external_id: outcome.externalId ?? null, external_token: outcome.token ?? null })
        .execute();
      return;
    }
    await table
      .set({ ...common, status: outcome.status, last_error: outcome.error, maybe_received: outcome.maybeReceived, failed_at: outcome.status === 'failed' ? now : null })
      .execute();
  }

  /** Puts a dead letter back to pending for another run of attempts; false if it was not failed. */
  async reopen(trx: Executor, id: string): Promise<boolean> {
    const row = await this.t(trx)
      .updateTable('integration_deliveries')
      .set({ status: 'pending', failed_at: null, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The report a service request in this contractor's system belongs to. */
  async byExternalId(system: string, externalId: string): Promise<Delivery | null> {
    const row = await this.t().selectFrom('integration_deliveries').select(columns).where('system_key', '=', system).where('external_id', '=', externalId).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  /** Sent deliveries still waiting for a batch service to swap its token for an id. */
  async awaitingIds(system: string): Promise<Delivery[]> {
    const rows = await this.t().selectFrom('integration_deliveries').select(columns).where('system_key', '=', system).where('status', '=', 'sent').where('external_id', 'is', null).where('external_token', 'is not', null).execute();
    return rows.map(toDelivery);
  }

  async recordExternalId(id: string, externalId: string, executor?: Executor): Promise<void> {
    await this.t(executor).updateTable('integration_deliveries').set({ external_id: externalId, updated_at: new Date() }).where('id', '=', id).execute();
  }

  /** Each contractor's Open311 system that reports went to, with the newest route to it and the first send. */
  async open311Systems(): Promise<ContractorSystem[]> {
    const rows = await sql<{ system_key: string; route: unknown; first_sent_at: Date }>`
      select distinct on (system_key) system_key, route, min(sent_at) over (partition by system_key) as first_sent_at
      from integration_deliveries
      where status = 'sent' and route->>'type' = 'open311'
      order by system_key, sent_at desc`.execute(this.db);
    return rows.rows.map((r) => ({ systemKey: r.system_key, route: parseRoute(r.route), firstSentAt: r.first_sent_at }));
  }

  async counts(): Promise<Record<DeliveryStatus, number>> {
    const rows = await this.t().selectFrom('integration_deliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const counts: Record<DeliveryStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** Newest first; `status` narrows the list. */
  async list(options: { status?: DeliveryStatus; limit: number; offset: number }): Promise<Delivery[]> {
    let query = this.t().selectFrom('integration_deliveries').select(columns);
    if (options.status) query = query.where('status', '=', options.status);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute();
    return rows.map(toDelivery);
  }

  /** How far this system's updates have been read. */
  async pollMark(system: string): Promise<Date | undefined> {
    const row = await this.t().selectFrom('integration_poll_marks').select('polled_to').where('system_key', '=', system).executeTakeFirst();
    return row?.polled_to;
  }

  /** Moves the mark on (`polledTo`), or records why this poll failed and leaves it where it was. */
  async recordPoll(system: string, outcome: { polledTo: Date } | { error: string; polledTo: Date }): Promise<void> {
    const error = 'error' in outcome ? outcome.error : null;
    await this.t()
      .insertInto('integration_poll_marks')
      .values({ system_key: system, polled_to: outcome.polledTo, last_polled_at: new Date(), last_error: error })
      .onConflict((oc) => oc.column('system_key').doUpdateSet(error === null ? { polled_to: outcome.polledTo, last_polled_at: new Date(), last_error: null } : { last_polled_at: new Date(), last_error: error }))
      .execute();
  }

  async pollMarks(): Promise<PollMark[]> {
    const rows = await this.t().selectFrom('integration_poll_marks').selectAll().orderBy('system_key').execute();
    return rows.map((r) => ({ systemKey: r.system_key, polledTo: r.polled_to, lastPolledAt: r.last_polled_at, lastError: r.last_error }));
  }
}
