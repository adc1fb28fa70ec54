import type { FastifyReply } from 'fastify';
import type { ContentDocument, DocumentOf } from '../contracts.ts';
import type { Site } from '../index.ts';
import { renderRichText, safeHref } from '../rich-text/index.ts';
import { banner, siteSnapshot, type SiteSnapshot, type TopicSummary } from './chrome.ts';
import { formatOccurrence, occurrences } from './events.ts';
import { escapeHtml, formatBytes } from './html.ts';
import { renderSitePage } from './page-reply.ts';
import { pagesTaggedTo, relatedPages } from './queries.ts';

/** A version of a page to show: live content, or a draft an editor previews. */
export interface PageToRender {
  id: string;
  version: number;
  document: ContentDocument;
  publishedAt?: Date;
}

const PREVIEW_BANNER = {
  titleText: 'Preview',
  titleId: 'preview-banner-title',
  html: '<p class="govuk-notification-banner__heading">This is a preview</p><p class="govuk-body">The public cannot see this version until it is published.</p>',
};

/**
 * The one function that turns content into its page, used by the public routes and by the editors' preview
 * (which looks exactly like the live page, with a "This is a preview" banner and no caching). A guide shows the
 * section named by `section` (its first when none). Rich text is escaped by renderRichText, so it is marked safe.
 */
export async function renderContent(reply: FastifyReply, site: Site, page: PageToRender, options: { preview: boolean; section?: string }): Promise<FastifyReply> {
  const { document } = page;
  const snapshot = await siteSnapshot(site);
  const now = new Date();
  const typed = await typeView(site, snapshot, page, options, now);
  const related = ['home', 'topic', 'alert'].includes(document.type) ? [] : await relatedPages(site, page.id, document.topicIds);
  // Topic alerts show on the topic's own page too, and on the pages of every topic beneath it.
  const alertTopics = document.type === 'topic' ? [page.id, ...document.topicIds] : document.topicIds;
  const data = {
    title: document.title,
    page: document,
    path: document.path,
    breadcrumbs: breadcrumbs(snapshot, document),
    related,
    lastUpdated: document.type === 'home' ? undefined : (page.publishedAt ?? now),
    siteBanners: snapshot.banners(now, alertTopics),
    pageBanner: options.preview ? PREVIEW_BANNER : undefined,
    ...typed.data,
  };
  return renderSitePage(reply, `site/${document.type}.njk`, data, { preview: options.preview, expiresAt: typed.expiresAt });
}

interface TypeView {
  data: Record<string, unknown>;
  expiresAt?: number;
}

async function typeView(site: Site, snapshot: SiteSnapshot, page: PageToRender, options: { section?: string }, now: Date): Promise<TypeView> {
  const { document } = page;
  switch (document.type) {
    case 'home': {
      const featured = document.fields.featuredTopicIds.flatMap((id) => snapshot.topics.get(id) ?? []);
      return {
        data: {
          introHtml: renderRichText(document.fields.intro),
          popularTasks: links(document.fields.popularTasks),
          topics: featured.length ? featured : snapshot.subTopics(null),
        },
      };
    }
    case 'topic':
      return {
        data: {
          introHtml: renderRichText(document.fields.intro),
          featured: links(document.fields.featured),
          subTopics: snapshot.subTopics(page.id),
          pages: await pagesTaggedTo(site, page.id),
        },
      };
    case 'guide':
      return { data: guideView(document, options.section) };
    case 'start':
      return {
        data: {
          bodyHtml: renderRichText(document.fields.body),
          beforeYouStartHtml: document.fields.beforeYouStart.length ? renderRichText(document.fields.beforeYouStart) : undefined,
          startUrl: safeHref(document.fields.startUrl),
          startLabel: document.fields.startLabel,
        },
      };
    case 'step_by_step':
      return { data: stepsView(document) };
    case 'news':
      return { data: { bodyHtml: renderRichText(document.fields.body), date: document.fields.date } };
    case 'event':
      return eventView(document, now);
    case 'contact':
      return { data: { bodyHtml: renderRichText(document.fields.body), rows: contactRows(document.fields) } };
    case 'publication':
      return {
        data: {
          bodyHtml: renderRichText(document.fields.body),
          publishedOn: document.fields.publishedOn,
          documents: document.fields.documents.map((d) => ({
            title: d.title,
            href: safeHref(d.url),
            description: [d.format.toUpperCase(), d.sizeBytes === null ? undefined : formatBytes(d.sizeBytes)].filter(Boolean).join(', '),
          })),
        },
      };
    case 'alert':
      // Alerts have no page: an editor previews how the banner will look.
      return { data: { alertBanner: banner({ id: page.id, title: document.title, fields: document.fields }) } };
  }
}

/** Home › the first topic's chain of parents (a topic's own chain for a topic page). */
function breadcrumbs(snapshot: SiteSnapshot, document: ContentDocument): { text: string; href: string }[] {
  if (document.type === 'home' || document.type === 'alert') return [];
  const chain: TopicSummary[] = document.type === 'topic' ? snapshot.topicChain(document.fields.parentId ?? undefined) : snapshot.topicChain(document.topicIds[0]);
  return [{ text: 'Home', href: '/' }, ...chain.map((t) => ({ text: t.title, href: t.path }))];
}

function links(items: { text: string; href: string }[]): { text: string; href: string }[] {
  return items.map((l) => ({ text: l.text, href: safeHref(l.href) }));
}

function guideView(document: DocumentOf<'guide'>, sectionSlug: string | undefined): Record<string, unknown> {
  const { sections } = document.fields;
  const index = Math.max(0, sections.findIndex((s) => s.slug === sectionSlug));
  const hrefOf = (i: number): string => (i === 0 ? document.path : `${document.path}/${sections[i]?.slug ?? ''}`);
  const section = sections[index] ?? sections[0];
  const previous = sections[index - 1];
  const next = sections[index + 1];
  return {
    title: sections.length > 1 && section ? `${document.title}: ${section.title}` : document.title,
    section,
    sectionHtml: section ? renderRichText(section.body) : '',
    contents: sections.length > 1 ? sections.map((s, i) => ({ text: s.title, href: hrefOf(i), current: i === index })) : [],
    pagination:
      sections.length > 1
        ? {
            previous: previous ? { href: hrefOf(index - 1), labelText: previous.title } : undefined,
            next: next ? { href: hrefOf(index + 1), labelText: next.title } : undefined,
            landmarkLabel: 'Guide sections',
          }
        : undefined,
  };
}

function stepsView(document: DocumentOf<'step_by_step'>): Record<string, unknown> {
  let number = 0;
  const steps = document.fields.steps.map((step, i) => {
    // An "or" step is an alternative to the one before it, so it shares that step's number.
    const alternative = step.logic === 'or' && i > 0;
    if (!alternative) number++;
    return { number, alternative, title: step.title, bodyHtml: renderRichText(step.body), links: links(step.links) };
  });
  return { introHtml: renderRichText(document.fields.intro), steps };
}

function eventView(document: DocumentOf<'event'>, now: Date): TypeView {
  const { fields } = document;
  const upcoming = occurrences(fields, { from: now, limit: 6 });
  const first = { start: new Date(fields.startsAt), end: new Date(fields.endsAt) };
  const next = upcoming[0];
  return {
    data: {
      bodyHtml: renderRichText(fields.body),
      finished: !next,
      when: formatOccurrence(next ?? first),
      recurrenceUntil: fields.recurrence?.until,
      recurrenceFrequency: fields.recurrence?.frequency,
      laterDates: fields.recurrence ? upcoming.slice(1).map(formatOccurrence) : [],
      venue: fields.venue,
      cost: fields.cost,
      bookingUrl: fields.bookingUrl ? safeHref(fields.bookingUrl) : undefined,
      calendarHref: `${document.path}.ics`,
    },
    // The page shows the next date: it changes when that one finishes.
    expiresAt: next?.end.getTime(),
  };
}

function contactRows(fields: DocumentOf<'contact'>['fields']): { key: { text: string }; value: { html: string } }[] {
  const rows: { key: { text: string }; value: { html: string } }[] = [];
  if (fields.phone) rows.push({ key: { text: 'Telephone' }, value: { html: `<a class="govuk-link" href="tel:${escapeHtml(fields.phone.replace(/[^\d+]/g, ''))}">${escapeHtml(fields.phone)}</a>` } });
  if (fields.email) rows.push({ key: { text: 'Email' }, value: { html: `<a class="govuk-link" href="mailto:${escapeHtml(fields.email)}">${escapeHtml(fields.email)}</a>` } });
  if (fields.address) rows.push({ key: { text: 'Address' }, value: { html: escapeHtml(fields.address).replace(/\r?\n/g, '<br>') } });
  if (fields.openingHours) rows.push({ key: { text: 'Opening hours' }, value: { html: escapeHtml(fields.openingHours).replace(/\r?\n/g, '<br>') } });
  return rows;
}
