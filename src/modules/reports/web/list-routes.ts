import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import type { ReportState } from '../contracts.ts';
import type { ReportsCore } from '../core.ts';
import { CLOSED_STATES, OPEN_STATES } from '../states.ts';
import { atomFeed } from './atom.ts';
import { stateTag } from './present.ts';

const open = { access: 'public' } as const;
const PER_PAGE = 25;
/** The records API has no offset yet: a page is cut from the newest reports, so only this many can be paged through. */
const MOST = 1000;
const STATUS_FILTERS: Record<string, readonly ReportState[]> = { open: OPEN_STATES, fixed: ['fixed'], closed: CLOSED_STATES };
type ListQuery = { Querystring: { ward?: string; category?: string; status?: string; page?: string } };

/** Reports anyone can browse: by ward, kind and status, and a feed of each ward's new reports. */
export async function listRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  const { geography } = services;

  app.get<ListQuery>('/reports', { config: open }, async (request, reply) => {
    const q = request.query;
    const ward = typeof q.ward === 'string' && geography.ward(q.ward) ? q.ward : '';
    const categories = await core.categories.active();
    const category = categories.some((c) => c.code === q.category) ? String(q.category) : '';
    const status = typeof q.status === 'string' && STATUS_FILTERS[q.status] ? q.status : '';
    const page = Math.max(1, Math.min(Math.floor(Number(q.page)) || 1, MOST / PER_PAGE));
    const found = await core.records.list({
      ...(ward ? { wardCode: ward } : {}),
      ...(category ? { categoryCodes: [category] } : {}),
      ...(status ? { states: STATUS_FILTERS[status] } : {}),
      limit: page * PER_PAGE + 1,
    });
    const shown = found.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const names = new Map(categories.map((c) => [c.code, c.name]));
    const rows = shown.map((r) => ({ reference: r.reference, category: names.get(r.categoryCode) ?? r.categoryCode, ward: r.wardCode ? (geography.ward(r.wardCode)?.name ?? '') : '', tag: stateTag(r.state), createdAt: r.createdAt }));
    const query = (n: number) => `/reports?${new URLSearchParams({ ...(ward ? { ward } : {}), ...(category ? { category } : {}), ...(status ? { status } : {}), page: String(n) }).toString()}`;
    return reply.render('reports/list.njk', {
      rows,
      filters: { ward, category, status },
      wards: geography.wards(),
      categories,
      wardName: ward ? geography.ward(ward)?.name : null,
      previous: page > 1 ? query(page - 1) : null,
      next: found.length > page * PER_PAGE ? query(page + 1) : null,
      page,
    });
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
