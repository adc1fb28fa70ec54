import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config/index.ts';
import { buildApp, startPlatform, type Platform } from '../../src/app.ts';
import pino from 'pino';
import type { LastmileModule } from '../../src/platform/module.ts';
import { modules as allModules } from '../../src/modules/index.ts';

export interface TestPlatform {
  platform: Platform;
  app: FastifyInstance;
  config: Config;
  databaseUrl: string;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error('Run tests through `npm test` (test/run.ts), which provides a PostgreSQL');
  return url;
}

/** A fresh database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = adminUrl();
  const name = `lastmile_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The real platform and HTTP app on a fresh database. `env` overrides settings; `extra.modules` adds test modules. */
export async function createTestPlatform(env: Record<string, string> = {}, extra: { modules?: LastmileModule[] } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lastmile-test-')),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: database.url,
    DEMO_SEED: 'false',
    ...env,
  });
  const platform = await startPlatform(config, { log: pino({ level: 'silent' }), modules: [...allModules, ...(extra.modules ?? [])] });
  const app = await buildApp(platform);
  await app.ready();
  return {
    platform,
    app,
    config,
    databaseUrl: database.url,
    async close() {
      await app.close();
      await platform.stop();
      await database.drop();
    },
  };
}
