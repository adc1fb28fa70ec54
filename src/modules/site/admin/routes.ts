import type { FastifyInstance } from 'fastify';
import type { Site } from '../index.ts';
import { bundleRoutes } from './bundle-routes.ts';
import { contentRoutes } from './content-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

/** The editors' and publishers' pages under /staff/site. */
export async function siteAdminRoutes(app: FastifyInstance, site: Site): Promise<void> {
  // Links in content may go to the app's own pages (/report, /forms/:id, /search). The router answers whether one
  // exists; the content pages' catch-all (which answers every address) does not count.
  site.editorial.useRoutes((path) => {
    const found: { params: Record<string, string | undefined> } | null = app.findRoute({ method: 'GET', url: path });
    if (!found) return false;
    const rest = found.params['*'];
    return rest === undefined || `/${rest}` !== path;
  });
  await contentRoutes(app, site);
  await settingsRoutes(app, site);
  await app.register(async (scope) => bundleRoutes(scope, site));
}
