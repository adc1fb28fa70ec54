import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createTestDatabase } from '../../support/platform.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/lastmile.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function lastmile(args: string[], env: Record<string, string>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', DEMO_SEED: 'false', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('npx lastmile, against DATABASE_URL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  before(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lastmile-cli-')) };
  });
  after(async () => database.drop());

  it('explains every command with --help', async () => {
    const top = await lastmile(['--help'], env);
    assert.equal(top.code, 0);
    for (const command of ['serve', 'worker', 'migrate', 'seed', 'user', 'audit', 'import']) assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
    const create = await lastmile(['user', 'create', '--help'], env);
    assert.match(create.stdout, /--email <email>/);
    assert.match(create.stdout, /--role <role\.\.\.>/);
  });

  it('migrates, then says there is nothing left to do', async () => {
    const first = await lastmile(['migrate'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Migrations are up to date/);
    assert.equal((await lastmile(['migrate'], env)).code, 0);
  });

  it('creates a staff account with roles, and refuses bad input specifically', async () => {
    const made = await lastmile(['user', 'create', '--email', 'officer@stockport.gov.uk', '--role', 'highways_officer', '--role', 'inspector'], env);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /Created officer@stockport.gov.uk .* with roles: highways_officer, inspector/);
    assert.match(made.stdout, /Password: \S{12,}/, 'prints the generated password');

    const again = await lastmile(['user', 'create', '--email', 'OFFICER@stockport.gov.uk'], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    assert.match((await lastmile(['user', 'create', '--email', 'not-an-email'], env)).stderr, /Not a valid email address/);
    assert.match((await lastmile(['user', 'create', '--email', 'a@b.com', '--password', 'password1'], env)).stderr, /too common/);
    const badRole = await lastmile(['user', 'create', '--email', 'c@d.com', '--role', 'wizard'], env);
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /Unknown role: wizard/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = await client.query(`select email from users where lower(email) in ('c@d.com', 'a@b.com')`);
    await client.end();
    assert.equal(rows.rowCount, 0, 'nothing stored for refused input');
  });

  it('lists roles with their permissions', async () => {
    const roles = await lastmile(['user', 'roles'], env);
    assert.equal(roles.code, 0);
    assert.match(roles.stdout, /admin\s+Administrator/);
    assert.match(roles.stdout, /permissions: .*admin\.users/);
  });

  it('verifies the audit log, and reports the first broken link after tampering', async () => {
    const ok = await lastmile(['audit', 'verify'], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Audit log intact: \d+ rows verified/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const first = await client.query<{ id: string }>('select min(id) as id from audit_log');
    await client.query('alter table audit_log disable trigger audit_log_append_only');
    await client.query(`update audit_log set action = 'account.tampered' where id = $1`, [first.rows[0]?.id]);
    await client.query('alter table audit_log enable trigger audit_log_append_only');
    await client.end();

    const broken = await lastmile(['audit', 'verify'], env);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, new RegExp(`Audit log broken at row ${first.rows[0]?.id}`));
  });

  it('names the variable when a setting is wrong', async () => {
    const bad = await lastmile(['migrate'], { ...env, STAFF_2FA: 'sometimes' });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /STAFF_2FA/);
  });
});
