import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import type { ReportsCore } from '../core.ts';
import { reportsDb } from '../tables.ts';
import { PhotoLinks } from '../web/photo-links.ts';
import { Open311Clients } from './clients.ts';
import { open311Server } from './routes.ts';

export { OPEN311_PREFIX } from './routes.ts';
export { Open311Clients, type Open311Client } from './clients.ts';

/**
 * The Open311 GeoReport v2 server at /open311/v2, on the reports core: the reports module's
 * routes call this with its core, so Open311 reports take the same pipeline as web reports.
 */
export async function open311Routes(app: FastifyInstance, core: ReportsCore, services: Services): Promise<void> {
  const { config, geography, gazetteer } = services;
  const photoLinks = new PhotoLinks(config.sessionSecret, config.baseUrl);
  await open311Server(app, {
    db: reportsDb(services.db),
    clients: new Open311Clients(services.db),
    categories: core.categories,
    pipeline: core.pipeline,
    updates: core.updates,
    records: core.records,
    gazetteer,
    councilName: config.councilName,
    areaName: geography.borough.name,
    baseUrl: config.baseUrl,
    production: config.isProduction,
    photoUrl: (reportId, fileId) => photoLinks.url(reportId, fileId),
  });
}
