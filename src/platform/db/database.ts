import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './tables.ts';

// Dates come back as JS Dates; bigint counts as numbers (ids and counts here stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Kysely<PlatformTables>;
export type Tx = Transaction<PlatformTables>;
/** Either the database or an open transaction: the functions that take it work in both. */
export type Executor = Kysely<PlatformTables>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connect(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // A dropped idle connection must not crash the process; the pool reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    async close() {
      await db.destroy();
    },
  };
}
