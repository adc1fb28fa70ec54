/**
 * A Lastmile server for the reports benchmarks: the whole platform (every module, the job worker
 * in-process, as `lastmile serve` runs it) plus a bench-only module with a JSON route,
 * POST /bench/reports, that submits through the report pipeline, because the resident's pages
 * are not built yet. With BENCH_DISPATCH=1 the contractor dispatch is the bench's own: a row in
 * bench_dispatches and a job that marks it done, so the crash test can see dispatches exist and run.
 * Reads PORT, DATA_DIR, EMBEDDED_PG_PORT or DATABASE_URL like `lastmile serve`.
 */
import { sql } from 'kysely';
import pino from 'pino';
import type { LastmileModule } from '../src/platform/module.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { buildApp, startPlatform } from '../src/app.ts';
import { modules } from '../src/modules/index.ts';
import { seedDemoGazetteer } from '../src/platform/geo/demo.ts';
import { reports, ReportRejected, type NewReport } from '../src/modules/reports/index.ts';
import { generateDemoAssets, saveAssets } from '../src/modules/reports/demo/assets.ts';
import { reportsDb } from '../src/modules/reports/tables.ts';

const DISPATCH_JOB = 'bench.dispatch';

const benchModule: LastmileModule = {
  name: 'bench-reports',
  async setUp(services) {
    if (process.env.BENCH_DISPATCH !== '1') return;
    await sql`create table if not exists bench_dispatches (report_id uuid primary key, created_at timestamptz not null default now(), ran_at timestamptz)`.execute(services.db);
    services.jobs.define<{ reportId: string }>({
      name: DISPATCH_JOB,
      retryLimit: 5,
      retryDelay: 1,
      handler: async ({ reportId }) => void (await sql`update bench_dispatches set ran_at = now() where report_id = ${reportId}`.execute(services.db)),
    });
    reports(services).useContractorDispatch({
      async enqueue(trx, reportId) {
        await sql`insert into bench_dispatches (report_id) values (${reportId})`.execute(trx);
        await services.jobs.send(trx, DISPATCH_JOB, { reportId });
      },
    });
  },
  async routes(app, services) {
    const pipeline = reports(services).pipeline;
    app.post<{ Body: Omit<NewReport, 'photoFileIds' | 'channel'> }>('/bench/reports', { config: { csrf: false } }, async (request, reply) => {
      try {
        const stored = await pipeline.submit({ ...request.body, photoFileIds: [], channel: 'web' });
        return reply.code(201).send(stored);
      } catch (error) {
        if (error instanceof ReportRejected) return reply.code(422).send({ field: error.field, error: error.message });
        throw error;
      }
    });
  },
};

const config = loadConfig({ ...process.env, DEMO_SEED: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const platform = await startPlatform(config, { log: pino({ level: config.logLevel }), modules: [...modules, benchModule], stopEmbedded: 'always' });
const { services } = platform;
await seedDemoGazetteer(services, () => undefined);
if (!(await reportsDb(services.db).selectFrom('street_assets').select('id').limit(1).executeTakeFirst())) {
  const streets = await services.db.selectFrom('gazetteer_streets').select(['usrn', 'responsibility', 'geometry']).execute();
  await services.db.transaction().execute((trx) => saveAssets(trx, generateDemoAssets(streets)));
}
const app = await buildApp(platform);
await services.jobs.start();
// pg-boss 10 waits a polling interval (here 0.5 s, its least) after every fetch of one job, so one
// poller runs at most two jobs a second per queue; BENCH_JOB_POLLERS runs more pollers side by side.
for (let i = 0; i < Number(process.env.BENCH_JOB_POLLERS ?? 1); i++) await services.jobs.work(0.5);
await app.listen({ port: config.port, host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await platform.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
