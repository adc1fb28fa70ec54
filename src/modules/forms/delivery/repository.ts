import { sql } from 'kysely';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { TargetDefinition } from '../contracts.ts';
import type { DeliveryStatus, DeliveryTables } from './tables.ts';

export interface DeliveryRecord {
  id: string;
  submissionId: string;
  targetIndex: number;
  target: TargetDefinition;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  externalReference: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FailedDelivery extends DeliveryRecord {
  reference: string;
  formId: string;
  formTitle: string;
}

const columns = ['id', 'submission_id', 'target_index', 'target', 'status', 'attempts', 'last_error', 'external_reference', 'created_at', 'updated_at'] as const;

function toRecord(row: {
  id: string;
  submission_id: string;
  target_index: number;
  target: TargetDefinition;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  external_reference: string | null;
  created_at: Date;
  updated_at: Date;
}): DeliveryRecord {
  return {
    id: row.id,
    submissionId: row.submission_id,
    targetIndex: row.target_index,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    externalReference: row.external_reference,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Retries end after about two hours. A delivery still pending long after that lost its job (a
 * worker killed mid-attempt, for one), so staff see it with the failed ones and can retry it.
 */
export const STUCK_AFTER_HOURS = 6;

function stuckBefore(): Date {
  return new Date(Date.now() - STUCK_AFTER_HOURS * 3600_000);
}

/** The SQL behind submission deliveries. */
export class DeliveryRepository {
  constructor(private readonly db: Db) {}

  private t(executor: Executor = this.db) {
    return executor.withTables<DeliveryTables>();
  }

  /** Adds a row per target; returns only the ids it added, so a second call enqueues nothing again. */
  async insert(trx: Executor, submissionId: string, targets: TargetDefinition[]): Promise<string[]> {
    if (targets.length === 0) return [];
    const rows = await this.t(trx)
      .insertInto('form_deliveries')
      .values(targets.map((target, index) => ({ submission_id: submissionId, target_index: index, target_type: target.type, target: JSON.stringify(target), last_error: null, external_reference: null })))
      .onConflict((oc) => oc.columns(['submission_id', 'target_index']).doNothing())
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async find(id: string, executor?: Executor): Promise<DeliveryRecord | null> {
    if (!UUID.test(id)) return null;
    const row = await this.t(executor).selectFrom('form_deliveries').select(columns).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Counts an attempt on a pending delivery; null when it is already sent or failed (nothing to do). */
  async claim(id: string): Promise<DeliveryRecord | null> {
    const row = await this.t()
      .updateTable('form_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning(columns)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async settle(id: string, outcome: { status: DeliveryStatus; error?: string; externalReference?: string }, executor?: Executor): Promise<void> {
    await this.t(executor)
      .updateTable('form_deliveries')
      .set({ status: outcome.status, last_error: outcome.error ?? null, updated_at: new Date(), ...(outcome.externalReference !== undefined && { external_reference: outcome.externalReference }) })
      .where('id', '=', id)
      .execute();
  }

  /** Puts a failed (or stuck) delivery back to pending for another go; false if it was neither. */
  async reopen(trx: Executor, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const row = await this.t(trx)
      .updateTable('form_deliveries')
      .set({ status: 'pending', updated_at: new Date() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'pending'), eb('updated_at', '<', stuckBefore())])]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async forSubmission(submissionId: string): Promise<DeliveryRecord[]> {
    const rows = await this.t().selectFrom('form_deliveries').select(columns).where('submission_id', '=', submissionId).orderBy('target_index').execute();
    return rows.map(toRecord);
  }

  async failed(limit: number, offset: number): Promise<{ rows: FailedDelivery[]; total: number }> {
    const base = this.t()
      .selectFrom('form_deliveries as d')
      .innerJoin('form_submissions as s', 's.id', 'd.submission_id')
      .where((eb) => eb.or([eb('d.status', '=', 'failed'), eb.and([eb('d.status', '=', 'pending'), eb('d.updated_at', '<', stuckBefore())])]));
    const [rows, count] = await Promise.all([
      base
        .select(['d.id', 'd.submission_id', 'd.target_index', 'd.target', 'd.status', 'd.attempts', 'd.last_error', 'd.external_reference', 'd.created_at', 'd.updated_at', 's.reference', 's.form_id', 's.form_title'])
        .orderBy('d.updated_at', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map((r) => ({ ...toRecord(r), reference: r.reference, formId: r.form_id, formTitle: r.form_title })), total: count.n };
  }
}
