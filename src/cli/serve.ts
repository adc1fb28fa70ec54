import { loadConfig } from '../platform/config/index.ts';
import { buildApp, createLogger, startPlatform } from '../app.ts';
import { seedDemo } from '../platform/seed.ts';

/** `lastmile serve` (npm start): the whole platform, with the job worker in-process by default. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const platform = await startPlatform(config, { log, stopEmbedded: 'always' });
  const app = await buildApp(platform);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await platform.services.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  log.info(`Lastmile is running at ${config.baseUrl}`);
  // The first page needs no demo data, so the demo borough is seeded once the server is answering.
  if (config.demoSeed) {
    try {
      const seeded = await seedDemo(platform.services, platform.modules, (label, done, total) => {
        if (done === total) log.info(`${label}: ${total} done`);
      });
      if (seeded) log.info('Seeded the demo borough');
    } catch (error) {
      // Stopping closes the database under the seeder; a seed that did not finish runs again next start.
      if (stopping) return;
      throw error;
    }
  }
  if (stopping) return;
  if (config.worker === 'inline') await platform.services.jobs.work();
}

/** `lastmile worker`: runs background jobs in their own process. */
export async function worker(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const platform = await startPlatform(config, { log, stopEmbedded: 'if-started-here' });
  const stop = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await platform.services.jobs.work();
  log.info('Worker started');
}
