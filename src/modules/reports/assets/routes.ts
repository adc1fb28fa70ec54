import type { FastifyInstance } from 'fastify';
import type { ReportsCore } from '../core.ts';
import { isAssetLayer } from './register.ts';
import { parseBbox, parseLimit } from './bbox.ts';

/**
 * GET /reports/assets/:layer.geojson?bbox=minLon,minLat,maxLon,maxLat[&limit=n]: the map's asset
 * layer. Bad input is a 400 with a JSON `error` the map script can show; the box and the count are capped.
 */
export async function assetRoutes(app: FastifyInstance, core: Pick<ReportsCore, 'assetsInBox'>): Promise<void> {
  app.get<{ Params: { layer: string }; Querystring: Record<string, unknown> }>('/reports/assets/:layer.geojson', { config: { access: 'public' } }, async (request, reply) => {
    const { layer } = request.params;
    if (!isAssetLayer(layer)) return reply.code(404).send({ error: 'There is no asset layer with that name: use streetlights or gullies' });
    const bbox = parseBbox(request.query.bbox);
    if (!bbox.ok) return reply.code(400).send({ error: bbox.error });
    const limit = parseLimit(request.query.limit);
    if (!limit.ok) return reply.code(400).send({ error: limit.error });
    const collection = await core.assetsInBox(layer, bbox.value, limit.value);
    // Statuses change as reports come in; a minute of caching spares the database a map being panned.
    return reply.header('cache-control', 'public, max-age=60').type('application/geo+json').send(collection);
  });
}
