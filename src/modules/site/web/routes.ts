import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pagination, showing } from '../../../platform/http/pagination.ts';
import { pathSchema, type DocumentOf, type PublishedContent } from '../contracts.ts';
import type { Site } from '../index.ts';
import { siteSnapshot } from './chrome.ts';
import { formatDay, formatOccurrence, occurrences, type Occurrence } from './events.ts';
import { eventCalendar } from './ical.ts';
import { renderSitePage, sendCached, storeShared } from './page-reply.ts';
import { pagesOfTypes, redirectFor } from './queries.ts';
import { renderContent } from './render-page.ts';

const NEWS_PAGE_SIZE = 10;
/** How far ahead the events list looks, and how many dates it shows at most. */
const EVENTS_AHEAD_DAYS = 366;
const EVENTS_SHOWN = 50;

/**
 * The public website: the home page, every content page by its address (and a guide's sections beneath it),
 * redirects, the A–Z of services, news and events. Registered last: other modules' addresses win over the
 * catch-all, and anything unknown ends at the GOV.UK "Page not found".
 */
export async function sitePageRoutes(app: FastifyInstance, site: Site): Promise<void> {
  const config = { access: 'public' } as const;
  void site.pages.listen(site.services.databaseUrl, site.services.log);
  app.addHook('onSend', async (request, reply, payload) =>
    storeShared(site, request, reply, payload, async () => (await siteSnapshot(site)).nextAlertChange(new Date())),
  );

  app.get('/', { config }, async (request, reply) => {
    const home = await site.published.byPath('/');
    if (home) return renderContent(reply, site, home, { preview: false });
    // A fresh install has no home page yet: list the services so the site still leads somewhere.
    return renderSitePage(reply, 'pages/home.njk', { services: reply.viewLocals.navigation });
  });

  // Pages the platform has a default for: the council's own content at the address wins when there is some.
  for (const [url, template] of Object.entries(PLATFORM_PAGES)) {
    app.get(url, { config }, async (_request, reply) => {
      const page = await site.published.byPath(url);
      return page ? renderContent(reply, site, page, { preview: false }) : renderSitePage(reply, template, {});
    });
  }

  app.get('/a-z', { config }, async (request, reply) => {
    return renderSitePage(reply, 'site/a-z.njk', { title: 'A to Z of services', letters: await aToZ(site) });
  });

  app.get('/news', { config }, async (request, reply) => {
    const page = pageNumber(request);
    if (page === undefined) return reply.callNotFound();
    const stories = (await site.published.byType('news')).flatMap((n) => (n.document.type === 'news' ? [{ ...n, document: n.document }] : []));
    stories.sort((a, b) => b.document.fields.date.localeCompare(a.document.fields.date) || b.publishedAt.getTime() - a.publishedAt.getTime());
    const pages = Math.max(1, Math.ceil(stories.length / NEWS_PAGE_SIZE));
    if (page > pages) return reply.callNotFound();
    const shown = stories.slice((page - 1) * NEWS_PAGE_SIZE, page * NEWS_PAGE_SIZE);
    return renderSitePage(reply, 'site/news-list.njk', {
      title: page === 1 ? 'News' : `News (page ${page} of ${pages})`,
      stories: shown.map((s) => ({ title: s.document.title, href: s.document.path, summary: s.document.summary, date: s.document.fields.date })),
      showing: showing(page, stories.length, NEWS_PAGE_SIZE, 'news stories'),
      pagination: pagination(page, stories.length, NEWS_PAGE_SIZE, (n) => (n === 1 ? '/news' : `/news?page=${n}`)),
    });
  });

  app.get('/events', { config }, async (request, reply) => {
    const now = new Date();
    const dates = upcomingDates(await liveEvents(site), now);
    return renderSitePage(
      reply,
      'site/events-list.njk',
      { title: 'Events', dates: dates.map((d) => ({ ...d, when: formatOccurrence(d), day: formatDay(d.start) })) },
      // The list changes when its first event finishes.
      { expiresAt: Math.min(...dates.map((d) => d.end.getTime())) },
    );
  });

  app.get('/*', { config }, async (request, reply) => {
    const path = pathOf(request);
    if (path.endsWith('.ics')) return calendar(site, reply, path.slice(0, -'.ics'.length));
    if (!pathSchema.safeParse(path).success) return reply.callNotFound();

    const live = await site.published.byPath(path);
    if (live) return renderContent(reply, site, live, { preview: false });

    const cut = path.lastIndexOf('/');
    const guide = cut > 0 ? await site.published.byPath(path.slice(0, cut)) : undefined;
    const slug = path.slice(cut + 1);
    if (guide?.document.type === 'guide' && guide.document.fields.sections.some((s, i) => i > 0 && s.slug === slug)) {
      return renderContent(reply, site, guide, { preview: false, section: slug });
    }

    const redirect = await redirectFor(site, path);
    if (redirect) return reply.redirect(redirect.to, redirect.permanent ? 301 : 302);
    return reply.callNotFound();
  });
}

/** The platform's default pages, shown at these addresses until editors publish their own (see CONTENT_ROUTES). */
const PLATFORM_PAGES: Record<string, string> = {
  '/accessibility': 'pages/accessibility.njk',
  '/privacy': 'pages/privacy.njk',
  '/cookies': 'pages/cookies.njk',
};

/**
 * Answers anonymous visitors from the page cache, or plans to keep the page the route is about to render. The
 * platform calls it before sessions are read (LastmileModule.sharedResponses): no session, user or menus to load.
 */
export function answerFromCache(site: Site): (request: FastifyRequest, reply: FastifyReply) => boolean {
  return (request, reply) => {
    const keyOf = CACHE_KEYS[request.routeOptions.url ?? ''];
    return keyOf !== undefined && sendCached(site, request, reply, keyOf(request));
  };
}

/** What each route's page is cached under: its path, and the query only where it changes the page. */
const CACHE_KEYS: Record<string, (request: FastifyRequest) => string | undefined> = {
  '/': () => '/',
  ...Object.fromEntries(Object.keys(PLATFORM_PAGES).map((url) => [url, () => url])),
  '/a-z': () => '/a-z',
  '/events': () => '/events',
  '/news': (request) => {
    const page = pageNumber(request);
    return page === undefined ? undefined : page === 1 ? '/news' : `/news?page=${page}`;
  },
  '/*': (request) => {
    const path = pathOf(request);
    return pathSchema.safeParse(path).success ? path : undefined;
  },
};

/** The address asked for, without a query or a trailing slash. */
function pathOf(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function pageNumber(request: FastifyRequest): number | undefined {
  const query = request.query;
  const given = typeof query === 'object' && query !== null && 'page' in query ? query.page : undefined;
  if (given === undefined) return 1;
  if (typeof given !== 'string' || !/^[1-9]\d{0,5}$/.test(given)) return undefined;
  return Number(given);
}

type LiveEvent = PublishedContent & { document: DocumentOf<'event'> };

async function liveEvents(site: Site): Promise<LiveEvent[]> {
  return (await site.published.byType('event')).flatMap((e) => (e.document.type === 'event' ? [{ ...e, document: e.document }] : []));
}

/** Every date of every live event that has not finished, the recurring ones expanded, soonest first. */
export function upcomingDates(events: LiveEvent[], now: Date): (Occurrence & { title: string; href: string; venue: string; summary: string })[] {
  const horizon = now.getTime() + EVENTS_AHEAD_DAYS * 86_400_000;
  return events
    .flatMap((e) =>
      occurrences(e.document.fields, { from: now, limit: EVENTS_SHOWN })
        .filter((o) => o.start.getTime() <= horizon)
        .map((o) => ({ ...o, title: e.document.title, href: e.document.path, venue: e.document.fields.venue.name, summary: e.document.summary })),
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.title.localeCompare(b.title))
    .slice(0, EVENTS_SHOWN);
}

/** Topics, start pages and guides under the first letter of their title. */
async function aToZ(site: Site): Promise<{ letter: string; id: string; items: { text: string; href: string }[] }[]> {
  const pages = await pagesOfTypes(site, ['topic', 'start', 'guide']);
  const byLetter = new Map<string, { text: string; href: string }[]>();
  for (const page of pages) {
    const first = page.title.trim().charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '0–9';
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), { text: page.title, href: page.path }]);
  }
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0–9'];
  return letters.map((letter) => ({
    letter,
    id: letter === '0–9' ? 'numbers' : letter.toLowerCase(),
    items: (byLetter.get(letter) ?? []).sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
  }));
}

async function calendar(site: Site, reply: FastifyReply, eventPath: string): Promise<FastifyReply> {
  const live = pathSchema.safeParse(eventPath).success ? await site.published.byPath(eventPath) : undefined;
  if (live?.document.type !== 'event') {
    reply.callNotFound();
    return reply;
  }
  const snapshot = await siteSnapshot(site);
  const body = eventCalendar({ ...live, document: live.document }, site.services.config.baseUrl, snapshot.siteName ?? site.services.config.councilName);
  const file = eventPath.split('/').pop() ?? 'event';
  return reply
    .header('cache-control', 'public, max-age=60')
    .header('content-disposition', `attachment; filename="${file}.ics"`)
    .type('text/calendar; charset=utf-8')
    .send(body);
}
