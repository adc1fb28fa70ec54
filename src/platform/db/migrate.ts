import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export interface MigrationSource {
  /** The module or platform part that owns these migrations, e.g. `platform.identity`. */
  owner: string;
  dir: string;
}

export interface MigrationResult {
  applied: string[];
}

const LOCK_KEY = 7_270_001;

/**
 * Applies each source's `NNN_name.sql` files in order, each in its own transaction,
 * recording them in `lastmile_migrations`. An advisory lock keeps two processes from racing.
 */
export async function migrate(pool: pg.Pool, sources: MigrationSource[]): Promise<MigrationResult> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`create table if not exists lastmile_migrations (
      owner text not null, name text not null, applied_at timestamptz not null default now(),
      primary key (owner, name))`);
    const done = await client.query<{ owner: string; name: string }>('select owner, name from lastmile_migrations');
    const seen = new Set(done.rows.map((r) => `${r.owner}/${r.name}`));
    for (const source of sources) {
      for (const file of migrationFiles(source.dir)) {
        if (seen.has(`${source.owner}/${file}`)) continue;
        const sqlText = readFileSync(path.join(source.dir, file), 'utf8');
        try {
          await client.query('begin');
          await client.query(sqlText);
          await client.query('insert into lastmile_migrations (owner, name) values ($1, $2)', [source.owner, file]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`Migration ${source.owner}/${file} failed: ${reason}`, { cause: error });
        }
        applied.push(`${source.owner}/${file}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied };
}

function migrationFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort();
}
