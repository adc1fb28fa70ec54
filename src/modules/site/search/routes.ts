import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../../../platform/http/errors.ts';
import { FormErrors, readForm, text } from '../../../platform/http/forms.ts';
import { pagination } from '../../../platform/http/pagination.ts';
import { currentUser } from '../../../platform/identity/sign-in-session.ts';
import type { Site } from '../index.ts';
import { MAX_QUERY_LENGTH, normaliseQuery } from './query-text.ts';
import { SEARCH_PAGE_SIZE } from './service.ts';
import { addressPath, MISSES_PAGE_SIZE, parseSynonyms } from './settings.ts';

const open = { access: 'public' } as const;
const edit = { access: { permission: 'site.edit' } } as const;
const BASE = '/staff/site/search';
// Kinds with one item or none to find: no one filters by them.
const UNFILTERED_KINDS = new Set(['home', 'alert']);

const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);
const SearchQuery = z.object({
  q: z.string().max(10_000).optional().catch(undefined),
  kind: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  page: pageNumber,
  spelling: z.literal('off').optional().catch(undefined),
});
const GroupParams = z.object({ id: z.uuid() });
const SynonymsForm = z.object({ words: text });
const BestBetForm = z.object({ query: text, address: text });
const RemoveBestBetForm = z.object({ query: z.string().max(MAX_QUERY_LENGTH), url: z.string().max(2000) });

/** The public search page and the editors' search settings under /staff/site/search. */
export async function siteSearchRoutes(app: FastifyInstance, site: Site): Promise<void> {
  const { search } = site;
  const { settings } = search;

  app.get('/search', { config: open }, async (request, reply) => {
    const { q = '', kind, page, spelling } = SearchQuery.parse(request.query);
    const labels = search.kindLabels();
    const kinds = Object.entries(labels)
      .filter(([value]) => !UNFILTERED_KINDS.has(value))
      .map(([value, label]) => ({ value, text: label, selected: value === kind }));
    const chosenKind = kind && kind in labels ? kind : undefined;
    if (q.length > MAX_QUERY_LENGTH) {
      const errors = new FormErrors();
      errors.add('q', `Search terms must be ${MAX_QUERY_LENGTH} characters or fewer`);
      return reply.code(400).render('search/results.njk', { q, kinds, ...errors.view() });
    }
    const results = await search.search({ query: q, kind: chosenKind, page, exact: spelling === 'off' });
    const href = (params: Record<string, string | undefined>) => {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries({ q: results.query, kind: chosenKind, ...params })) if (value) query.set(name, value);
      return `/search?${query.toString()}`;
    };
    return reply.render('search/results.njk', {
      q: results.query,
      kinds,
      results,
      exactHref: href({ spelling: 'off' }),
      pagination: pagination(results.page, results.total, SEARCH_PAGE_SIZE, (n) => href({ page: n > 1 ? String(n) : undefined, spelling })),
    });
  });

  app.get(BASE, { config: edit }, async (_request, reply) => reply.render('search/staff/index.njk', {}));

  app.post(`${BASE}/reindex`, { config: edit }, async (request, reply) => {
    const count = await search.reindex();
    await site.services.audit.record({ actorId: currentUser(request).id, action: 'site.search.reindexed', subjectType: 'search', details: { documents: count } });
    request.session.flash = `Search has updated its index of forms and other services (${count} items)`;
    return reply.redirect(BASE, 303);
  });

  // Synonyms

  app.get(`${BASE}/synonyms`, { config: edit }, async (_request, reply) => reply.render('search/staff/synonyms.njk', { groups: await settings.synonymGroups() }));

  app.get(`${BASE}/synonyms/new`, { config: edit }, async (_request, reply) => reply.render('search/staff/synonym-group.njk', { values: { words: '' } }));

  app.post(`${BASE}/synonyms/new`, { config: edit }, async (request, reply) => {
    const { words } = readForm(SynonymsForm, request.body);
    return saveGroup(null, words, request, reply);
  });

  app.get<{ Params: { id: string } }>(`${BASE}/synonyms/:id`, { config: edit }, async (request, reply) => {
    const group = await settings.synonymGroup(idOf(request.params));
    if (!group) throw new HttpProblem(404, 'Page not found');
    return reply.render('search/staff/synonym-group.njk', { group, values: { words: group.words.join(', ') } });
  });

  app.post<{ Params: { id: string } }>(`${BASE}/synonyms/:id`, { config: edit }, async (request, reply) => {
    const id = idOf(request.params);
    const group = await settings.synonymGroup(id);
    if (!group) throw new HttpProblem(404, 'Page not found');
    const { words } = readForm(SynonymsForm, request.body);
    return saveGroup(group, words, request, reply);
  });

  async function saveGroup(group: { id: string } | null, words: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const errors = new FormErrors();
    const parsed = parseSynonyms(words);
    if (!parsed.ok) errors.add('words', parsed.error);
    else {
      const saved = await settings.saveSynonymGroup(group?.id ?? null, parsed.words, { actorId: currentUser(request).id });
      if (saved.ok) {
        request.session.flash = group ? 'Synonyms changed' : 'Synonyms added';
        return reply.redirect(`${BASE}/synonyms`, 303);
      }
      if ('notFound' in saved) throw new HttpProblem(404, 'Page not found');
      errors.add('words', `“${saved.takenWord}” is already in another group of synonyms`);
    }
    return reply.code(400).render('search/staff/synonym-group.njk', { group, values: { words }, ...errors.view() });
  }

  app.get<{ Params: { id: string } }>(`${BASE}/synonyms/:id/delete`, { config: edit }, async (request, reply) => {
    const group = await settings.synonymGroup(idOf(request.params));
    if (!group) throw new HttpProblem(404, 'Page not found');
    return reply.render('search/staff/delete-synonym-group.njk', { group });
  });

  app.post<{ Params: { id: string } }>(`${BASE}/synonyms/:id/delete`, { config: edit }, async (request, reply) => {
    const deleted = await settings.deleteSynonymGroup(idOf(request.params), { actorId: currentUser(request).id });
    request.session.flash = deleted ? 'Synonyms deleted' : 'Those synonyms had already been deleted';
    return reply.redirect(`${BASE}/synonyms`, 303);
  });

  // Best bets

  app.get(`${BASE}/best-bets`, { config: edit }, async (_request, reply) => reply.render('search/staff/best-bets.njk', { queries: await settings.bestBets() }));

  app.get<{ Querystring: { query?: string } }>(`${BASE}/best-bets/new`, { config: edit }, async (request, reply) => {
    const query = z.string().max(MAX_QUERY_LENGTH).catch('').parse(request.query.query ?? '');
    return reply.render('search/staff/best-bet.njk', { values: { query, address: '' } });
  });

  app.post(`${BASE}/best-bets/new`, { config: edit }, async (request, reply) => {
    const values = readForm(BestBetForm, request.body);
    const errors = new FormErrors();
    const query = normaliseQuery(values.query);
    if (query === '') errors.add('query', 'Enter the search query');
    else if (query.length > MAX_QUERY_LENGTH) errors.add('query', `The search query must be ${MAX_QUERY_LENGTH} characters or fewer`);
    const url = values.address.trim() === '' ? undefined : addressPath(values.address, site.services.config.baseUrl);
    if (values.address.trim() === '') errors.add('address', 'Enter the address of the page or form');
    else if (!url) errors.add('address', 'Enter an address on this site, like /bins/missed-bin');
    else if (!(await settings.indexedTitle(url))) errors.add('address', 'There is no published page or form at that address');
    if (!errors.any && url) {
      const added = await settings.addBestBet(query, url, { actorId: currentUser(request).id });
      if (added) {
        request.session.flash = `Best bet added for “${query}”`;
        return reply.redirect(`${BASE}/best-bets`, 303);
      }
      errors.add('address', 'That page is already a best bet for this query');
    }
    return reply.code(400).render('search/staff/best-bet.njk', { values, ...errors.view() });
  });

  app.post(`${BASE}/best-bets/remove`, { config: edit }, async (request, reply) => {
    const { query, url } = readForm(RemoveBestBetForm, request.body);
    const removed = await settings.removeBestBet(query, url, { actorId: currentUser(request).id });
    request.session.flash = removed ? `Best bet removed from “${query}”` : 'That best bet had already been removed';
    return reply.redirect(`${BASE}/best-bets`, 303);
  });

  // Searches that found nothing

  app.get<{ Querystring: { page?: string } }>(`${BASE}/no-results`, { config: edit }, async (request, reply) => {
    const page = pageNumber.parse(request.query.page);
    const { rows, total } = await settings.misses(page);
    return reply.render('search/staff/no-results.njk', {
      rows,
      total,
      pagination: pagination(page, total, MISSES_PAGE_SIZE, (n) => `${BASE}/no-results?page=${n}`),
    });
  });

  app.get(`${BASE}/no-results.csv`, { config: edit }, async (_request, reply) => {
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="searches-with-no-results-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(settings.missesCsv()));
  });
}

/** A group's id from the address; anything else is a page that does not exist. */
function idOf(params: unknown): string {
  const parsed = GroupParams.safeParse(params);
  if (!parsed.success) throw new HttpProblem(404, 'Page not found');
  return parsed.data.id;
}
