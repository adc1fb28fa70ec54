import type pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Db } from './db/database.ts';
import { AuditLog } from './audit/index.ts';
import { JobQueue } from './jobs/index.ts';
import { Notifier } from './notify/index.ts';
import { Geography } from './geo/geography.ts';
import { Gazetteer } from './geo/gazetteer.ts';
import { Accounts } from './identity/accounts.ts';
import { PersonalDataRegistry } from './identity/personal-data.ts';
import { Files } from './files/index.ts';

/** Everything routes, commands and jobs use, built once from the configuration. */
export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  pool: pg.Pool;
  databaseUrl: string;
  audit: AuditLog;
  jobs: JobQueue;
  notify: Notifier;
  geography: Geography;
  gazetteer: Gazetteer;
  accounts: Accounts;
  personalData: PersonalDataRegistry;
  files: Files;
}

export function buildServices(config: Config, log: Logger, db: Db, pool: pg.Pool, databaseUrl: string): Services {
  const audit = new AuditLog(db);
  const jobs = JobQueue.create(databaseUrl, db);
  const notify = new Notifier(db, jobs, config.notify);
  const geography = Geography.load();
  const gazetteer = new Gazetteer(db, geography);
  const personalData = new PersonalDataRegistry();
  const accounts = new Accounts({ db, audit, notify, jobs, personalData, config });
  const files = Files.local(db, config.dataDir);
  // Uploads that no module keeps (journeys abandoned, drafts expired) are deleted nightly.
  jobs.define(files.cleanupJob({ audit, log }));
  return { config, log, db, pool, databaseUrl, audit, jobs, notify, geography, gazetteer, accounts, personalData, files };
}
