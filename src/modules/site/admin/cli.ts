import { readFile, writeFile } from 'node:fs/promises';
import pino from 'pino';
import { buildApp, startPlatform, type Platform } from '../../../app.ts';
import { CommandError } from '../../../cli/admin.ts';
import { loadConfig } from '../../../platform/config/index.ts';
import { parseBundle } from '../editorial/bundle.ts';
import { SiteBundleRefused } from '../editorial/problems.ts';
import { site } from '../index.ts';

async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await startPlatform(loadConfig(), { log: pino({ level: 'warn' }), stopEmbedded: 'if-started-here' });
  try {
    return await work(platform);
  } finally {
    await platform.stop();
  }
}

/** `lastmile site export [file]`: the whole site as JSON, to the file or to standard output. */
export async function siteExportCommand(file?: string): Promise<void> {
  const bundle = await withPlatform((platform) => site(platform.services).editorial.exportBundle());
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  if (!file || file === '-') {
    process.stdout.write(json);
    return;
  }
  await writeFile(file, json);
  console.error(`Exported ${bundle.content.length} items, ${bundle.menus.length} menu links and ${bundle.redirects.length} redirects to ${file}.`);
}

/** `lastmile site import <file> [--publish]`: all or nothing; every problem is listed when it is refused. */
export async function siteImportCommand(file: string, opts: { publish?: boolean }): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CommandError(`Cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await withPlatform(async (platform) => {
    // The app's routes tell the link check which addresses (/report, /forms/…) exist besides content.
    const app = await buildApp(platform);
    await app.ready();
    try {
      return await site(platform.services).editorial.importBundle(parseBundle(json), { actorId: null }, { publish: opts.publish ?? false });
    } catch (error) {
      if (error instanceof SiteBundleRefused) throw new CommandError(`Nothing was imported. Fix these problems in ${file}:\n- ${error.problems.join('\n- ')}`);
      throw error;
    } finally {
      await app.close();
    }
  });
  console.log(`Imported ${file}: ${result.created} new items, ${result.updated} changed${opts.publish ? ', published as marked' : ', as drafts'}.`);
}
