import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, type FieldError } from '../../../platform/http/forms.ts';
import type { Services } from '../../../platform/services.ts';
import type { ReportsCore } from '../core.ts';
import { STATE_LABELS } from '../states.ts';
import { draftOf, keepDraft, toStart } from './draft.ts';
import { locateFrom, searchPlaces, type SearchResult } from './place.ts';
import { daysAgo } from './present.ts';

const open = { access: 'public' } as const;
const CategoryForm = z.object({ category: text });
const WhereForm = z.object({ assetId: text, place: text, lon: text, lat: text, locationDescription: text, search: text });

/** The first steps of "Report it": what the problem is, where it is, and whether it has been reported already. */
export async function whereRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  const categoryPage = async (chosen: string, errors: FieldError[]) => {
    const categories = await core.categories.active();
    const groups = [...new Set(categories.map((c) => c.group))].map((group) => ({
      name: group,
      items: categories.filter((c) => c.group === group).map((c) => ({ value: c.code, text: c.name, hint: { text: c.description }, checked: c.code === chosen })),
    }));
    return { groups, ...pageErrors(errors) };
  };

  app.get('/report', { config: open }, async (request, reply) => reply.render('reports/category.njk', await categoryPage(draftOf(request)?.categoryCode ?? '', [])));

  app.post('/report', { config: open }, async (request, reply) => {
    const { category } = readForm(CategoryForm, request.body);
    const found = await core.categories.get(category);
    if (!found?.active) return reply.code(400).render('reports/category.njk', await categoryPage('', [{ href: '#category', text: 'Select what the problem is' }]));
    const draft = draftOf(request);
    // A different kind of problem asks different questions and may need an asset: start the rest again.
    keepDraft(request, draft?.categoryCode === found.code ? draft : { categoryCode: found.code, photos: [] });
    return reply.redirect('/report/where', 303);
  });

  const wherePage = async (categoryCode: string, values: Record<string, string>, results: SearchResult[] | undefined, errors: FieldError[]) => {
    const category = await core.categories.get(categoryCode);
    return { category, values, results, mapTiles: services.config.mapTileUrl, ...pageErrors(errors) };
  };

  app.get<{ Querystring: { search?: string } }>('/report/where', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft) return toStart(reply);
    const search = typeof request.query.search === 'string' ? request.query.search.slice(0, 100) : '';
    const results = search ? await searchPlaces(services.gazetteer, search) : undefined;
    const errors: FieldError[] = results && results.length === 0 ? [{ href: '#search', text: `No streets or postcodes match “${search}”. Check the spelling, or try a nearby street` }] : [];
    const values = { search, assetId: draft.place?.assetId ?? '', locationDescription: draft.place?.locationDescription ?? '' };
    return reply.code(errors.length ? 400 : 200).render('reports/where.njk', await wherePage(draft.categoryCode, values, results, errors));
  });

  app.post('/report/where', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft) return toStart(reply);
    const form = readForm(WhereForm, request.body);
    const category = await core.categories.get(draft.categoryCode);
    if (!category) return toStart(reply);
    const located = await locateFrom(core, services.gazetteer, category, form);
    if (!located.ok) {
      const results = form.search ? await searchPlaces(services.gazetteer, form.search) : undefined;
      return reply.code(400).render('reports/where.njk', await wherePage(draft.categoryCode, form, results, located.errors));
    }
    const { result, place } = located;
    if (result.responsibility !== 'council') {
      return reply.render('reports/not-ours.njk', { responsibility: result.responsibility, message: result.responsibleMessage, category });
    }
    keepDraft(request, { ...draft, place });
    return reply.redirect(result.nearby.length ? '/report/nearby' : '/report/details', 303);
  });

  app.get('/report/nearby', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft?.place) return toStart(reply);
    const { place } = draft;
    const [result, category] = await Promise.all([core.pipeline.locate(draft.categoryCode, place.lon, place.lat, place.assetId), core.categories.get(draft.categoryCode)]);
    if (!result.nearby.length) return reply.redirect('/report/details', 303);
    const nearby = result.nearby.map((n) => ({
      reference: n.reference,
      state: STATE_LABELS[n.state],
      reported: daysAgo(n.createdAt),
      where: n.assetId && n.assetId === place.assetId ? `On ${n.assetId}, the same ${category?.assetLayer === 'gullies' ? 'drain' : 'streetlight'}` : `${Math.round(n.distanceMetres)} metres away`,
    }));
    return reply.render('reports/nearby.njk', { nearby, category });
  });
}
