/**
 * Runs node:test over the given folders with a PostgreSQL to test against:
 * DATABASE_URL when set (CI's Debian PostgreSQL), otherwise an embedded cluster under .test-data.
 * Each test file makes its own database on it, so files can run side by side.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { useEmbeddedPostgres } from '../src/platform/db/embedded.ts';

function testFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => path.join(target, f))
    .sort();
}

const args = process.argv.slice(2);
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);
const files = args.flatMap(testFiles);
if (files.length === 0) {
  console.error('No test files found in', args.join(' '));
  process.exit(1);
}

let adminUrl = process.env.DATABASE_URL;
let stop: (() => Promise<void>) | undefined;
if (!adminUrl) {
  const pg = await useEmbeddedPostgres({ dataDir: path.resolve('.test-data'), port: Number(process.env.TEST_PG_PORT ?? 54339), database: 'postgres' });
  adminUrl = pg.url;
  // Locally the cluster is left running for the next run (and for other runs sharing it); CI stops it.
  if (pg.startedHere && process.env.CI) stop = () => pg.stop();
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
  stdio: 'inherit',
  env: { ...process.env, TEST_ADMIN_DATABASE_URL: adminUrl, DATABASE_URL: '' },
});
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await stop?.();
process.exit(code);
