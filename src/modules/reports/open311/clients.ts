import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Open311Tables } from './tables.ts';

/** A system allowed to write through the Open311 server, as a request finds it by its key. */
export interface Open311Client {
  id: string;
  name: string;
  jurisdictionId: string | null;
  rateLimitPerMinute: number;
}

export interface Open311ClientSummary extends Open311Client {
  createdAt: Date;
  revokedAt: Date | null;
}

export class DuplicateClientName extends Error {
  constructor(name: string) {
    super(`A working Open311 key called "${name}" already exists; revoke it first or choose another name`);
  }
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Open311 clients and their keys. The key itself is shown once, at creation, and never stored. */
export class Open311Clients {
  private readonly db: Kysely<PlatformTables & Open311Tables>;

  constructor(db: Db) {
    this.db = db.withTables<Open311Tables>();
  }

  async create(input: { name: string; jurisdictionId?: string; rateLimitPerMinute?: number }): Promise<{ client: Open311Client; key: string }> {
    const key = randomBytes(32).toString('base64url');
    const row = await this.db
      .insertInto('open311_clients')
      .values({ name: input.name, key_hash: hashKey(key), jurisdiction_id: input.jurisdictionId ?? null, rate_limit_per_minute: input.rateLimitPerMinute ?? 60 })
      .returning(['id', 'name', 'jurisdiction_id', 'rate_limit_per_minute'])
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DuplicateClientName(input.name);
        throw error;
      });
    return { client: toClient(row), key };
  }

  /** The live client holding this key, or null for an unknown or revoked key. Asked on every call, so revoking takes effect at once. */
  async byKey(key: string): Promise<Open311Client | null> {
    const row = await this.db
      .selectFrom('open311_clients')
      .select(['id', 'name', 'jurisdiction_id', 'rate_limit_per_minute'])
      .where('key_hash', '=', hashKey(key))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toClient(row) : null;
  }

  async list(): Promise<Open311ClientSummary[]> {
    const rows = await this.db.selectFrom('open311_clients').selectAll().orderBy('created_at').orderBy('name').execute();
    return rows.map((r) => ({ ...toClient(r), createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  /** Revokes the working key with this name; false when there is none. */
  async revoke(name: string): Promise<boolean> {
    const result = await this.db
      .updateTable('open311_clients')
      .set({ revoked_at: new Date() })
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toClient(row: { id: string; name: string; jurisdiction_id: string | null; rate_limit_per_minute: number }): Open311Client {
  return { id: row.id, name: row.name, jurisdictionId: row.jurisdiction_id, rateLimitPerMinute: row.rate_limit_per_minute };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
