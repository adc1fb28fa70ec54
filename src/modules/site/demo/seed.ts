import type { Site } from '../index.ts';
import { siteDb } from '../tables.ts';
import { buildDemoBundle } from './bundle.ts';

/**
 * The demo borough's website, imported and published through the editors' import, so it is checked exactly as an
 * editor's bundle would be. A site that already has content (demo or a council's own) is left alone.
 */
export async function seedSiteDemo(site: Site, progress: (label: string, done: number, total: number) => void): Promise<void> {
  const existing = await siteDb(site.services.db).selectFrom('site_content').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const bundle = buildDemoBundle();
  progress('Demo website', 0, bundle.content.length);
  await site.editorial.importBundle(bundle, { actorId: null }, { publish: true });
  progress('Demo website', bundle.content.length, bundle.content.length);
}
