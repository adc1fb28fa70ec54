import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Services } from '../../../platform/services.ts';
import type { ReportState } from '../contracts.ts';
import type { ReportsCore } from '../core.ts';
import { CLOSED_STATES, isOpen, OPEN_STATES, STATE_LABELS } from '../states.ts';
import { reportsDb } from '../tables.ts';
import { atomFeed } from './atom.ts';
import { stateTag } from './present.ts';

const open = { access: 'public' } as const;
const PER_PAGE = 25;
/** The records API has no offset yet: a page is cut from the newest reports, so only this many can be paged through. */
const MOST = 1000;
/** Points on the list's map: the newest this many matching the filters. */
export const MOST_ON_MAP = 1000;
const STATUS_FILTERS: Record<string, readonly ReportState[]> = { open: OPEN_STATES, fixed: ['fixed'], closed: CLOSED_STATES };
type ListQuery = { Querystring: { ward?: string; category?: string; status?: string; page?: string } };

/** What a marker on the list's map says: public facts only, as on the report's own page. */
export interface MapReportProperties {
  reference: string;
  category: string;
  /** `open`, `in_progress`, `fixed` or `closed`: the marker's shape and colour. */
  status: 'open' | 'in_progress' | 'fixed' | 'closed';
  statusText: string;
  street: string | null;
  reported: string;
  url: string;
}

/** Reports anyone can browse: by ward, kind and status, on a map, and a feed of each ward's new reports. */
export async function listRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  const { geography } = services;
  // The list's map script, served as the "where" step's is (same scope, so it shares Leaflet at /reports/map/leaflet/).
  await app.register(fastifyStatic, { root: path.join(import.meta.dirname, 'static'), prefix: '/reports/list-map/', allowedPath: (file) => file === '/list-map.js', maxAge: '1h', decorateReply: false, index: false });

  /** The filters from the query string, each kept only if it names something real. */
  const filtersOf = async (q: ListQuery['Querystring']) => {
    const ward = typeof q.ward === 'string' && geography.ward(q.ward) ? q.ward : '';
    const categories = await core.categories.active();
    const category = categories.some((c) => c.code === q.category) ? String(q.category) : '';
    const status = typeof q.status === 'string' && STATUS_FILTERS[q.status] ? q.status : '';
    return { ward, category, status, categories };
  };
  const search = (f: { ward: string; category: string; status: string }, extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...(f.ward ? { ward: f.ward } : {}), ...(f.category ? { category: f.category } : {}), ...(f.status ? { status: f.status } : {}), ...extra }).toString();

  app.get<ListQuery>('/reports', { config: open }, async (request, reply) => {
    const { ward, category, status, categories } = await filtersOf(request.query);
    const page = Math.max(1, Math.min(Math.floor(Number(request.query.page)) || 1, MOST / PER_PAGE));
    const found = await core.records.list({
      ...(ward ? { wardCode: ward } : {}),
      ...(category ? { categoryCodes: [category] } : {}),
      ...(status ? { states: STATUS_FILTERS[status] } : {}),
      limit: page * PER_PAGE + 1,
    });
    const shown = found.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const rows = shown.map((r) => ({ reference: r.reference, category: names.get(r.categoryCode) ?? r.categoryCode, ward: r.wardCode ? (geography.ward(r.wardCode)?.name ?? '') : '', tag: stateTag(r.state), createdAt: r.createdAt }));
    const filters = { ward, category, status };
    const query = (n: number) => `/reports?${search(filters, { page: String(n) })}`;
    return reply.render('reports/list.njk', {
      rows,
      filters,
      wards: geography.wards(),
      categories,
      wardName: ward ? geography.ward(ward)?.name : null,
      previous: page > 1 ? query(page - 1) : null,
      next: found.length > page * PER_PAGE ? query(page + 1) : null,
      page,
      mapSource: `/reports.geojson?${search(filters)}`,
      mapTiles: services.config.mapTileUrl,
      mostOnMap: MOST_ON_MAP,
      alertsLink: `/reports/alerts?${search({ ward, category, status: '' })}`,
    });
  });

  // The list's reports as points for its map: the same filters, the newest first, never who reported them.
  app.get<ListQuery>('/reports.geojson', { config: open }, async (request, reply) => {
    const { ward, category, status, categories } = await filtersOf(request.query);
    let query = reportsDb(services.db)
      .selectFrom('reports as r')
      .leftJoin('gazetteer_streets as s', 's.usrn', 'r.usrn')
      .select(['r.reference', 'r.category_code', 'r.state', 'r.created_at', 'r.lon', 'r.lat', 's.name as street'])
      .where('r.hidden', '=', false);
    if (ward) query = query.where('r.ward_code', '=', ward);
    if (category) query = query.where('r.category_code', '=', category);
    const states = status ? STATUS_FILTERS[status] : undefined;
    if (states) query = query.where('r.state', 'in', states);
    const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(MOST_ON_MAP + 1).execute();
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const base = services.config.baseUrl;
    const features: Feature<Point, MapReportProperties>[] = rows.slice(0, MOST_ON_MAP).map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        reference: r.reference,
        category: names.get(r.category_code) ?? 'Street problem',
        status: markerStatus(r.state),
        statusText: STATE_LABELS[r.state],
        street: r.street,
        reported: r.created_at.toISOString(),
        url: `${base}/reports/${r.reference}`,
      },
    }));
    const collection: FeatureCollection<Point, MapReportProperties> & { truncated: boolean } = { type: 'FeatureCollection', features, truncated: rows.length > MOST_ON_MAP };
    return reply.type('application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=60').send(JSON.stringify(collection));
  });

  app.get<{ Params: { wardCode: string } }>('/reports/wards/:wardCode/feed.atom', { config: open }, async (request, reply) => {
    const ward = geography.ward(request.params.wardCode);
    if (!ward) return reply.callNotFound();
    const [found, categories] = await Promise.all([core.records.list({ wardCode: ward.code, limit: 50 }), core.categories.active()]);
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const xml = atomFeed({ baseUrl: services.config.baseUrl, councilName: services.config.councilName, ward, reports: found, categoryName: (code) => names.get(code) ?? code });
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });
}

function markerStatus(state: ReportState): MapReportProperties['status'] {
  if (state === 'open') return 'open';
  if (isOpen(state)) return 'in_progress';
  return state === 'fixed' ? 'fixed' : 'closed';
}
