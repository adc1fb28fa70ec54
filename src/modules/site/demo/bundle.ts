import { createHash } from 'node:crypto';
import { siteBundleSchema, type ContentDocumentInput, type SiteBundle } from '../contracts.ts';
import { fromMarkdown } from '../rich-text/index.ts';
import type { DemoAlert, DemoPage } from './content/types.ts';
import { DEMO_ALERTS, DEMO_MENUS, DEMO_PAGES, DEMO_REDIRECTS, DEMO_SETTINGS } from './content/index.ts';

/**
 * A stable id for a demo page: SHA-1 of a namespaced name, laid out as a version 5 UUID. The same address always
 * gets the same id, so seeding again (or on another machine) updates the same items instead of adding copies.
 */
export function demoId(name: string): string {
  const hash = createHash('sha1').update(`lastmile-demo:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The demo borough's whole website as a bundle, checked against the content model. */
export function buildDemoBundle(pages: DemoPage[] = DEMO_PAGES, alerts: DemoAlert[] = DEMO_ALERTS): SiteBundle {
  const topics = new Set(pages.filter((p) => p.type === 'topic').map((p) => p.path));
  const topicId = (address: string, from: string): string => {
    if (!topics.has(address)) throw new Error(`${from} refers to ${address}, which is not a topic in the demo content`);
    return demoId(address);
  };
  const content = [
    ...pages.map((page) => ({ id: demoId(page.path), published: true, document: pageDocument(page, (address) => topicId(address, page.path)) })),
    ...alerts.map((alert) => ({ id: demoId(`alert:${alert.name}`), published: true, document: alertDocument(alert, (address) => topicId(address, `Alert "${alert.name}"`)) })),
  ];
  return siteBundleSchema.parse({ format: 'lastmile-site/1', settings: DEMO_SETTINGS, menus: DEMO_MENUS, redirects: DEMO_REDIRECTS, content });
}

function pageDocument(page: DemoPage, topicId: (address: string) => string): ContentDocumentInput {
  const common = { title: page.title, summary: page.summary, topicIds: page.topics.map(topicId), lgaServiceCodes: page.lgaServiceCodes ?? [] };
  const md = (source: string | undefined, where: string) => {
    try {
      return fromMarkdown(source ?? '');
    } catch (error) {
      throw new Error(`${page.path} (${where}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  switch (page.type) {
    case 'home':
      return { type: 'home', path: '/', ...common, fields: { intro: md(page.intro, 'intro'), popularTasks: page.popularTasks, featuredTopicIds: page.featuredTopics.map(topicId) } };
    case 'topic':
      return { type: 'topic', path: page.path, ...common, fields: { parentId: page.parent === null ? null : topicId(page.parent), intro: md(page.intro, 'intro'), featured: page.featured ?? [] } };
    case 'guide':
      return { type: 'guide', path: page.path, ...common, fields: { sections: page.sections.map((s) => ({ title: s.title, slug: s.slug, body: md(s.body, s.slug) })) } };
    case 'start':
      return {
        type: 'start',
        path: page.path,
        ...common,
        fields: { body: md(page.body, 'body'), startUrl: page.startUrl, startLabel: page.startLabel ?? 'Start now', beforeYouStart: md(page.beforeYouStart, 'before you start') },
      };
    case 'step_by_step':
      return {
        type: 'step_by_step',
        path: page.path,
        ...common,
        fields: { intro: md(page.intro, 'intro'), steps: page.steps.map((s) => ({ title: s.title, body: md(s.body, s.title), links: s.links ?? [], logic: s.logic ?? 'and' })) },
      };
    case 'news':
      return { type: 'news', path: page.path, ...common, fields: { body: md(page.body, 'body'), date: page.date } };
    case 'event':
      return {
        type: 'event',
        path: page.path,
        ...common,
        fields: {
          body: md(page.body, 'body'),
          startsAt: page.startsAt,
          endsAt: page.endsAt,
          recurrence: page.recurrence ?? null,
          venue: page.venue,
          cost: page.cost,
          bookingUrl: page.bookingUrl ?? null,
        },
      };
    case 'contact':
      return {
        type: 'contact',
        path: page.path,
        ...common,
        fields: { body: md(page.body, 'body'), phone: page.phone ?? null, email: page.email ?? null, address: page.address ?? null, openingHours: page.openingHours ?? null },
      };
    case 'publication':
      return {
        type: 'publication',
        path: page.path,
        ...common,
        fields: { body: md(page.body, 'body'), publishedOn: page.publishedOn, documents: page.documents.map((d) => ({ ...d, sizeBytes: d.sizeBytes ?? null })) },
      };
  }
}

function alertDocument(alert: DemoAlert, topicId: (address: string) => string): ContentDocumentInput {
  return {
    type: 'alert',
    path: null,
    title: alert.title,
    summary: alert.summary,
    topicIds: alert.topics.map(topicId),
    fields: { message: fromMarkdown(alert.message), severity: alert.severity, showFrom: alert.showFrom, showUntil: alert.showUntil },
  };
}
