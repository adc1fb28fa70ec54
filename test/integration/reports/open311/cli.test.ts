import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect, type Database } from '../../../../src/platform/db/database.ts';
import { Open311Clients } from '../../../../src/modules/reports/open311/index.ts';
import { createTestDatabase } from '../../../support/platform.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../../bin/lastmile.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe('npx lastmile open311 key', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let connection: Database;

  async function lastmile(...args: string[]): Promise<Outcome> {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, 'open311', 'key', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      if (error instanceof Error && 'stdout' in error && 'stderr' in error) {
        const code = 'code' in error && typeof error.code === 'number' ? error.code : 1;
        return { code, stdout: String(error.stdout), stderr: String(error.stderr) };
      }
      throw error;
    }
  }

  before(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lastmile-open311-cli-')), LOG_LEVEL: 'silent', DEMO_SEED: 'false' };
    connection = connect(database.url, 2);
  });
  after(async () => {
    await connection.close();
    await database.drop();
  });

  it('creates a key, printing it as the last line and storing only its SHA-256', async () => {
    const made = await lastmile('create', '--name', 'FixMyStreet', '--jurisdiction', 'stockport.gov.uk', '--rate-limit', '120');
    assert.equal(made.code, 0, made.stderr);
    const lines = made.stdout.trimEnd().split('\n');
    const key = lines.at(-1) ?? '';
    assert.match(key, /^[\w-]{43}$/, 'the key alone on the last line (32 random bytes, base64url)');
    assert.match(made.stdout, /Created Open311 key "FixMyStreet" \(.+\): jurisdiction stockport\.gov\.uk, 120 requests a minute\./);

    const rows = await connection.pool.query<Record<string, unknown>>('select * from open311_clients');
    assert.equal(rows.rowCount, 1);
    const row = rows.rows[0] ?? {};
    assert.equal(row.key_hash, createHash('sha256').update(key).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(key), 'the key itself is stored nowhere in the row');
    assert.equal(row.jurisdiction_id, 'stockport.gov.uk');
    assert.equal(row.rate_limit_per_minute, 120);

    const client = await new Open311Clients(connection.db).byKey(key);
    assert.equal(client?.name, 'FixMyStreet', 'the printed key is the one that works');
  });

  it('lists keys without showing them, and revokes one by name', async () => {
    const second = await lastmile('create', '--name', 'Street lighting contractor');
    assert.equal(second.code, 0, second.stderr);
    const key = second.stdout.trimEnd().split('\n').at(-1) ?? '';

    const listed = await lastmile('list');
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, /FixMyStreet\s+working\s+jurisdiction stockport\.gov\.uk\s+120\/min/);
    assert.match(listed.stdout, /Street lighting contractor\s+working\s+jurisdiction any\s+60\/min/);
    assert.ok(!listed.stdout.includes(key));

    const revoked = await lastmile('revoke', '--name', 'street lighting contractor');
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /Revoked the Open311 key "street lighting contractor"/);
    assert.equal(await new Open311Clients(connection.db).byKey(key), null);
    assert.match((await lastmile('list')).stdout, /Street lighting contractor\s+revoked \d{4}-/);
  });

  it('refuses a name already in use, a bad rate limit, and revoking a key that is not there', async () => {
    const again = await lastmile('create', '--name', 'fixmystreet');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /A working Open311 key called "fixmystreet" already exists/);
    const limit = await lastmile('create', '--name', 'Other', '--rate-limit', 'lots');
    assert.equal(limit.code, 1);
    assert.match(limit.stderr, /--rate-limit must be a whole number of requests a minute, from 1 to 100000/);
    const none = await lastmile('revoke', '--name', 'Nobody');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No working Open311 key is called "Nobody"/);
    const count = await connection.pool.query('select count(*)::int as n from open311_clients');
    assert.equal(count.rows[0]?.n, 2, 'nothing stored for refused input');
  });
});
