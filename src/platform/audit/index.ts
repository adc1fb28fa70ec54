import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/database.ts';

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export type VerifyResult =
  | { ok: true; rows: number; lastId?: number }
  | { ok: false; rows: number; brokenAt: number; reason: string };

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 7_270_002;

/** Append-only, hash-chained audit log. Writes take a lock so the chain has one order. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  /** Records the entry in the caller's transaction when given one, so it commits with the change. */
  async record(entry: AuditEntry, executor?: Executor): Promise<void> {
    if (executor?.isTransaction) return this.append(entry, executor);
    await this.db.transaction().execute((trx) => this.append(entry, trx));
  }

  private async append(entry: AuditEntry, trx: Executor): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const next = await sql<{ id: number }>`select nextval('audit_log_id_seq')::bigint as id`.execute(trx);
    const id = next.rows[0]?.id;
    if (id === undefined) throw new Error('audit_log_id_seq returned no value');
    const row: Omit<AuditRow, 'hash'> = {
      id,
      occurred_at: new Date(),
      actor_id: entry.actorId ?? null,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: entry.details ?? {},
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
      prev_hash: last?.hash ?? GENESIS,
    };
    await trx
      .insertInto('audit_log')
      .values({ ...row, details: JSON.stringify(row.details), hash: hashOf(row) })
      .execute();
  }

  /** Walks the chain in order; `onProgress` is told how many rows are done. */
  async verify(onProgress?: (done: number, total: number) => void): Promise<VerifyResult> {
    const total = Number((await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    let prevHash = GENESIS;
    let afterId = -1;
    let rows = 0;
    for (;;) {
      const batch = await this.db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(5000).execute();
      if (batch.length === 0) break;
      for (const row of batch) {
        const stored: AuditRow = { ...row, details: row.details };
        if (stored.prev_hash !== prevHash) {
          return { ok: false, rows, brokenAt: stored.id, reason: 'its previous-hash does not match the row before it (a row was changed or removed)' };
        }
        if (hashOf(stored) !== stored.hash) {
          return { ok: false, rows, brokenAt: stored.id, reason: 'its content does not match its hash (the row was changed)' };
        }
        prevHash = stored.hash;
        afterId = stored.id;
        rows += 1;
      }
      onProgress?.(rows, total);
    }
    return { ok: true, rows, lastId: afterId >= 0 ? afterId : undefined };
  }

  async forSubject(subjectType: string, subjectId: string): Promise<AuditRow[]> {
    return this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .orderBy('id')
      .execute();
  }
}

export function hashOf(row: Omit<AuditRow, 'hash'>): string {
  const content = canonical([
    row.id,
    row.occurred_at.toISOString(),
    row.actor_id,
    row.action,
    row.subject_type,
    row.subject_id,
    row.details,
    row.ip,
    row.request_id,
    row.prev_hash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/** JSON with object keys sorted, because jsonb does not keep the order they were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
