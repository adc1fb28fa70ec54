import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Config } from './platform/config/index.ts';
import { connect, type Database } from './platform/db/database.ts';
import { useEmbeddedPostgres, type EmbeddedDatabase } from './platform/db/embedded.ts';
import { migrate, type MigrationSource } from './platform/db/migrate.ts';
import { buildServices, type Services } from './platform/services.ts';
import { createHttpServer } from './platform/http/server.ts';
import { outboxRoutes, pageRoutes } from './platform/http/pages.ts';
import { identityRoutes } from './platform/identity/routes.ts';
import { adminRoutes } from './platform/jobs/routes.ts';
import type { LastmileModule } from './platform/module.ts';
import { modules as allModules } from './modules/index.ts';

const platformDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'platform');

export const platformMigrations: MigrationSource[] = ['db', 'identity', 'audit', 'notify', 'geo', 'files'].map((part) => ({
  owner: `platform.${part}`,
  dir: path.join(platformDir, part, 'migrations'),
}));

export interface Platform {
  services: Services;
  modules: LastmileModule[];
  database: Database;
  embedded?: EmbeddedDatabase;
  /** Closes connections; stops the embedded PostgreSQL when this process owns it. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** `always`: the server owns the embedded database, even one it found running after a crash. */
  stopEmbedded?: 'always' | 'if-started-here' | 'never';
  modules?: LastmileModule[];
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] });
}

/** Config → database (embedded or DATABASE_URL) → migrations → services → modules. */
export async function startPlatform(config: Config, options: StartOptions = {}): Promise<Platform> {
  const log = options.log ?? createLogger(config);
  const modules = options.modules ?? allModules;
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await useEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log: (m) => log.info(m) });
    url = embedded.url;
  }
  const database = connect(url);
  try {
    const sources = [...platformMigrations, ...modules.flatMap((m) => (m.migrations ? [{ owner: m.name, dir: m.migrations }] : []))];
    const { applied } = await migrate(database.pool, sources);
    if (applied.length) log.info({ applied }, 'applied migrations');
  } catch (error) {
    await database.close();
    throw error;
  }
  const services = buildServices(config, log, database.db, database.pool, url);
  for (const m of modules) await m.setUp?.(services);

  const stopEmbedded = options.stopEmbedded ?? 'if-started-here';
  return {
    services,
    modules,
    database,
    embedded,
    async stop() {
      for (const m of modules) await m.stop?.(services).catch((error: unknown) => log.warn({ err: error, module: m.name }, 'module did not stop cleanly'));
      await services.jobs.stop().catch((error: unknown) => log.warn({ err: error }, 'job queue did not stop cleanly'));
      await database.close();
      if (embedded && (stopEmbedded === 'always' || (stopEmbedded === 'if-started-here' && embedded.startedHere))) {
        await embedded.stop();
      }
    },
  };
}

export async function buildApp(platform: Platform): Promise<FastifyInstance> {
  const nav = platform.modules.flatMap((m) => m.navigation ?? []);
  return createHttpServer(platform.services, platform.modules, [outboxRoutes, identityRoutes, adminRoutes], [async (app) => pageRoutes(nav)(app)]);
}
