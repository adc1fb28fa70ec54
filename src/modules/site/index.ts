import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import { PublishedContentStore } from './published.ts';
import { SiteEditorial } from './editorial/commands.ts';
import { SiteSearch } from './search/service.ts';
import { contentSource, type ContentSource } from './sources/content-source.ts';
import { PageCache } from './web/cache.ts';
import { siteChrome } from './web/chrome.ts';
import { answerFromCache, sitePageRoutes } from './web/routes.ts';
import { siteAdminRoutes } from './admin/routes.ts';
import { siteSearchRoutes } from './search/routes.ts';
import { contentSourceRoutes } from './sources/routes.ts';
import { seedSiteDemo } from './demo/seed.ts';

export type * from './contracts.ts';
export { siteBundleSchema, contentDocumentSchema, CONTENT_TYPES, CONTENT_TYPE_LABELS } from './contracts.ts';
export type { SearchSource, SearchHit } from './search/service.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The website's parts, one per running platform (tests run several in one process). */
export interface Site {
  services: Services;
  /** Live content: what the public sees. */
  published: PublishedContentStore;
  /** Rendered pages kept in memory, emptied when live content changes. */
  pages: PageCache;
  /** Drafts, publishing, schedules, history, import and export. */
  editorial: SiteEditorial;
  /** One search across content, forms and whatever other modules add. */
  search: SiteSearch;
  /** Where content comes from: the built-in store or Contentful. */
  source: ContentSource;
}

const sites = new WeakMap<Services, Site>();

export function site(services: Services): Site {
  let found = sites.get(services);
  if (!found) {
    const published = new PublishedContentStore(services.db);
    found = {
      services,
      published,
      pages: new PageCache(),
      editorial: new SiteEditorial(services, published),
      search: new SiteSearch(services),
      source: contentSource(services),
    };
    sites.set(services, found);
  }
  return found;
}

/** The council's website: content pages on the built-in CMS (or Contentful), its taxonomy, search and editors' tools. */
export const siteModule: LastmileModule = {
  name: 'site',
  migrations: path.join(here, 'migrations'),
  views: path.join(here, 'views'),
  setUp(services) {
    const s = site(services);
    for (const job of s.editorial.jobDefinitions()) services.jobs.define(job);
    for (const job of s.source.jobDefinitions()) services.jobs.define(job);
    s.search.setUp();
  },
  viewLocals: (services) => siteChrome(site(services)),
  sharedResponses: (services) => answerFromCache(site(services)),
  async routes(app, services) {
    const s = site(services);
    await siteAdminRoutes(app, s);
    await siteSearchRoutes(app, s);
    await contentSourceRoutes(app, s);
    // Last: the content pages answer any address no other route has claimed.
    await sitePageRoutes(app, s);
  },
  async stop(services) {
    const s = sites.get(services);
    if (s) await Promise.all([s.pages.close(), s.source.close()]);
  },
  seedDemo: (services, progress) => seedSiteDemo(site(services), progress),
};
