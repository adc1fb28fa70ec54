import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db, Executor } from '../db/database.ts';

export interface JobContext {
  id: string;
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition<T extends object> {
  name: string;
  handler: (data: T, job: JobContext) => Promise<void>;
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time when `retryBackoff` is on. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Cron (server time zone Europe/London) for jobs that run on a schedule. */
  cron?: string;
}

export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  retryCount: number;
  error: string;
  createdOn: Date;
  completedOn: Date | null;
}

type AnyJob = JobDefinition<object>;

/**
 * The durable job queue (pg-boss). `send` takes the caller's transaction, so a job exists
 * exactly when the change it follows was committed.
 */
export class JobQueue {
  private readonly definitions = new Map<string, AnyJob>();
  private started = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly db: Db,
  ) {}

  static create(url: string, db: Db): JobQueue {
    const boss = new PgBoss({ connectionString: url, max: 4, schema: 'pgboss', archiveFailedAfterSeconds: 30 * 24 * 3600 });
    return new JobQueue(boss, db);
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    // Handlers are stored without their data type; each handler validates what it reads.
    this.definitions.set(definition.name, definition as unknown as AnyJob);
  }

  /** Creates pg-boss's schema and every defined queue. Needed before `send`. */
  async start(): Promise<void> {
    if (this.started) return;
    this.boss.on('error', () => undefined);
    await this.boss.start();
    for (const d of this.definitions.values()) {
      await this.boss.createQueue(d.name, {
        name: d.name,
        retryLimit: d.retryLimit ?? 5,
        retryDelay: d.retryDelay ?? 30,
        retryBackoff: d.retryBackoff ?? true,
      });
    }
    this.started = true;
  }

  /** Starts polling for work. Runs in the server process, or alone under `lastmile worker`. */
  async work(pollingIntervalSeconds = 1): Promise<void> {
    await this.start();
    for (const d of this.definitions.values()) {
      await this.boss.work<object>(d.name, { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        await d.handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
      });
      if (d.cron) await this.boss.schedule(d.name, d.cron, {}, { tz: 'Europe/London' });
    }
  }

  async send(executor: Executor, name: string, data: object, options: { startAfter?: Date; singletonKey?: string } = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`No job called ${name} is defined`);
    const db: PgBoss.Db = {
      executeSql: async (text, values) => {
        const result = await executor.executeQuery(CompiledQuery.raw(text, values));
        return { rows: [...result.rows] };
      },
    };
    return this.boss.send(name, data, { ...options, db });
  }

  async failed(limit = 100): Promise<FailedJob[]> {
    // pg-boss makes its tables at its first start; before that no job has failed.
    const schema = await sql<{ found: string | null }>`select to_regclass('pgboss.job')::text as found`.execute(this.db);
    if (!schema.rows[0]?.found) return [];
    const result = await sql<FailedJob>`
      select id, name, data, retry_count as "retryCount", coalesce(output->>'message', output::text, '') as error,
             created_on as "createdOn", completed_on as "completedOn"
      from pgboss.job where state = 'failed'
      order by completed_on desc nulls last limit ${limit}`.execute(this.db);
    return result.rows;
  }

  async retry(name: string, id: string): Promise<void> {
    await this.boss.retry(name, id);
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }
}
