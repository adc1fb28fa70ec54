import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../../support/platform.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('lastmile import gazetteer', () => {
  let database: { url: string; drop: () => Promise<void> };
  let scratch: string;

  function lastmile(...args: string[]): Promise<Run> {
    const env = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', DEMO_SEED: 'false', NODE_ENV: 'test', DATA_DIR: scratch };
    return new Promise((resolve) => {
      execFile(process.execPath, ['bin/lastmile.js', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** A copy of a fixture in a scratch folder, where the error report can be written. */
  function fixture(name: string): string {
    const file = path.join(scratch, name);
    copyFileSync(path.resolve('test/fixtures/gazetteer', name), file);
    return file;
  }

  before(async () => {
    database = await createTestDatabase();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'lastmile-cli-'));
  });
  after(async () => database.drop());

  it('imports the good rows, names the error report and exits with 2 when rows were rejected', async () => {
    const file = fixture('addresses-latlon.csv');
    const run = await lastmile('import', 'gazetteer', file);
    const errorReport = file.replace(/\.csv$/, '.errors.csv');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stdout, /^Imported 6 rows; 6 rejected\.$/m);
    assert.match(run.stdout, new RegExp(`^Row-level errors: ${errorReport}$`, 'm'));
    assert.equal(readFileSync(errorReport, 'utf8').trim().split('\n').length, 7);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from gazetteer_addresses where source = 'import'`);
    await client.end();
    assert.equal(Number(rows[0]?.n), 6);
  });

  it('exits with 0 when every row was imported', async () => {
    const file = fixture('addresses-bng.csv');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 5).join('\n'));
    const run = await lastmile('import', 'gazetteer', file);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Imported 4 rows; 0 rejected\.$/m);
    assert.doesNotMatch(run.stdout, /Row-level errors/);
  });

  it('explains a wrong header without a stack trace and exits with 1', async () => {
    const run = await lastmile('import', 'gazetteer', fixture('wrong-header.csv'));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /The file's header is missing these columns: UPRN; LATITUDE and LONGITUDE \(or X_COORDINATE and Y_COORDINATE\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
