import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { uploadsPlugin } from '../../../platform/files/multipart.ts';
import { MEGABYTE } from '../../../platform/files/index.ts';
import type { Services } from '../../../platform/services.ts';
import { reports } from '../index.ts';
import { detailsRoutes } from './details-routes.ts';
import { feedbackRoutes } from './feedback-routes.ts';
import { listRoutes } from './list-routes.ts';
import { MAX_PHOTOS } from './photos.ts';
import { ReporterTokens } from './reporter-token.ts';
import { submitRoutes } from './submit-routes.ts';
import { trackingRoutes } from './tracking-routes.ts';
import { whereRoutes } from './where-routes.ts';

const require = createRequire(import.meta.url);
const leafletDist = path.join(path.dirname(require.resolve('leaflet/package.json')), 'dist');
const staticDir = path.join(import.meta.dirname, 'static');

/** The resident's side of reports: "Report it", the public report pages, lists, feeds and email links. */
export async function residentReportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const core = reports(services);
  const tokens = new ReporterTokens(services.config.sessionSecret);
  // In a scope of its own, so multipart posts (photos) are taken here and nowhere else in the module.
  await app.register(async (scope) => {
    await scope.register(uploadsPlugin, { maxFileBytes: 10 * MEGABYTE, maxFiles: MAX_PHOTOS });
    // The map enhancement: Leaflet from node_modules, as the platform serves GOV.UK Frontend, and our script beside it.
    await scope.register(fastifyStatic, { root: leafletDist, prefix: '/reports/map/leaflet/', maxAge: '1d', decorateReply: false, index: false });
    await scope.register(fastifyStatic, { root: staticDir, prefix: '/reports/map/', allowedPath: (file) => file === '/report-map.js' || file === '/report-map.css', maxAge: '1h', decorateReply: false, index: false });
    await whereRoutes(scope, services, core);
    await detailsRoutes(scope, services, core);
    await submitRoutes(scope, services, core, tokens);
    await listRoutes(scope, services, core);
    await trackingRoutes(scope, services, core, tokens);
    await feedbackRoutes(scope, core);
  });
}
