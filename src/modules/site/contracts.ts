import { z } from 'zod';
import { richTextSchema } from './rich-text/model.ts';

/**
 * The website's content model. One document shape per content type, validated by these schemas wherever content
 * comes in (the editor's pages, JSON import, the demo borough, Contentful), so every source means the same thing.
 * Ids are UUIDs; content refers to other content (topics, parents) by id, never by address, so addresses can change.
 */

export const CONTENT_TYPES = ['home', 'topic', 'guide', 'start', 'step_by_step', 'news', 'event', 'contact', 'publication', 'alert'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_TYPE_LABELS: Record<ContentType, string> = {
  home: 'Home page',
  topic: 'Topic',
  guide: 'Guide',
  start: 'Start page',
  step_by_step: 'Step by step',
  news: 'News story',
  event: 'Event',
  contact: 'Contact',
  publication: 'Document or publication',
  alert: 'Alert banner',
};

/** A page address on the site: lower case words joined by hyphens, in slash-separated parts ("/" is the home page). */
export const pathSchema = z
  .string()
  .regex(/^\/([a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*)?$/, 'Enter an address like /bins-and-recycling/missed-bin, in lower case letters, numbers and hyphens');

const id = z.uuid();
const link = z.object({ text: z.string().min(1).max(120), href: z.string().min(1).max(2000) });
export type ContentLink = z.infer<typeof link>;
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

const home = z.object({ intro: richTextSchema, popularTasks: z.array(link).max(12), featuredTopicIds: z.array(id).max(24) });
/** A service area's landing page. Topics form a tree through parentId; a topic with none sits under the home page. */
const topic = z.object({ parentId: id.nullable(), intro: richTextSchema, featured: z.array(link).max(8) });
/** An article is a guide with one section; a section's slug is its address inside the guide (/guide/slug). */
const guide = z.object({
  sections: z
    .array(z.object({ title: z.string().min(1).max(120), slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), body: richTextSchema }))
    .min(1)
    .max(30),
});
const start = z.object({
  body: richTextSchema,
  startUrl: z.string().min(1).max(2000),
  startLabel: z.string().min(1).max(40).default('Start now'),
  beforeYouStart: richTextSchema.default([]),
});
const stepBySteps = z.object({
  intro: richTextSchema,
  steps: z
    .array(z.object({ title: z.string().min(1).max(120), body: richTextSchema, links: z.array(link).max(12).default([]), logic: z.enum(['and', 'or']).default('and') }))
    .min(1)
    .max(20),
});
const news = z.object({ body: richTextSchema, date: isoDate });
/** Recurring events repeat weekly or monthly (on the same weekday of the month, e.g. the first Tuesday) until a date. */
const recurrence = z.object({ frequency: z.enum(['weekly', 'monthly']), until: isoDate });
const event = z.object({
  body: richTextSchema,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  recurrence: recurrence.nullable().default(null),
  venue: z.object({ name: z.string().min(1).max(120), address: z.string().max(300).default(''), postcode: z.string().max(10).default('') }),
  cost: z.string().min(1).max(120),
  bookingUrl: z.string().max(2000).nullable().default(null),
});
const contact = z.object({
  body: richTextSchema,
  phone: z.string().max(40).nullable().default(null),
  email: z.email().nullable().default(null),
  address: z.string().max(300).nullable().default(null),
  openingHours: z.string().max(300).nullable().default(null),
});
const publication = z.object({
  body: richTextSchema,
  publishedOn: isoDate,
  documents: z.array(z.object({ title: z.string().min(1).max(200), url: z.string().min(1).max(2000), format: z.string().min(1).max(20), sizeBytes: z.number().int().min(0).nullable().default(null) })).max(50),
});
/** Shown site-wide (no topics) or on the pages of the topics it is tagged to, between showFrom and showUntil. */
const alert = z.object({
  message: richTextSchema,
  severity: z.enum(['information', 'important', 'emergency']),
  showFrom: isoDateTime.nullable().default(null),
  showUntil: isoDateTime.nullable().default(null),
});

const common = {
  title: z.string().trim().min(1, 'Enter a title').max(150, 'Title must be 150 characters or fewer'),
  summary: z.string().trim().min(1, 'Enter a summary').max(300, 'Summary must be 300 characters or fewer'),
  /** Topics the content is tagged to (topic content ids). The first is its home in breadcrumbs. */
  topicIds: z.array(id).max(10).default([]),
  /** Optional LGA service list codes (https://standards.esd.org.uk), for the A–Z and data exchange. */
  lgaServiceCodes: z.array(z.number().int().positive()).max(10).default([]),
};

/** A page or alert as an editor saved it. `path` is null only for alerts, which have no page of their own. */
export const contentDocumentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('home'), path: z.literal('/'), ...common, fields: home }),
  z.object({ type: z.literal('topic'), path: pathSchema, ...common, fields: topic }),
  z.object({ type: z.literal('guide'), path: pathSchema, ...common, fields: guide }),
  z.object({ type: z.literal('start'), path: pathSchema, ...common, fields: start }),
  z.object({ type: z.literal('step_by_step'), path: pathSchema, ...common, fields: stepBySteps }),
  z.object({ type: z.literal('news'), path: pathSchema, ...common, fields: news }),
  z.object({ type: z.literal('event'), path: pathSchema, ...common, fields: event }),
  z.object({ type: z.literal('contact'), path: pathSchema, ...common, fields: contact }),
  z.object({ type: z.literal('publication'), path: pathSchema, ...common, fields: publication }),
  z.object({ type: z.literal('alert'), path: z.null(), ...common, fields: alert }),
]);
export type ContentDocument = z.infer<typeof contentDocumentSchema>;
export type ContentDocumentInput = z.input<typeof contentDocumentSchema>;
export type DocumentOf<T extends ContentType> = Extract<ContentDocument, { type: T }>;

/** Published content as pages, search and the sources read it (a row of site_published). */
export interface PublishedContent {
  id: string;
  version: number;
  document: ContentDocument;
  firstPublishedAt: Date;
  publishedAt: Date;
}

export const redirectSchema = z.object({ from: pathSchema, to: z.string().min(1).max(2000), permanent: z.boolean().default(true) });
export const menuLinkSchema = z.object({ menu: z.enum(['header', 'footer']), text: z.string().min(1).max(60), href: z.string().min(1).max(2000) });
export const siteSettingsSchema = z.object({
  name: z.string().min(1).max(80),
  tagline: z.string().max(200).default(''),
  /** A URL or a path under /public for the logo shown beside the name; null for the name alone. */
  logoUrl: z.string().max(2000).nullable().default(null),
});
export type Redirect = z.infer<typeof redirectSchema>;
export type MenuLink = z.infer<typeof menuLinkSchema>;
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/**
 * All of a site's content as one JSON file: what export writes and import reads (and the demo borough is built
 * as). Import checks everything before it writes anything.
 */
export const siteBundleSchema = z.object({
  format: z.literal('lastmile-site/1'),
  exportedAt: isoDateTime.optional(),
  settings: siteSettingsSchema,
  menus: z.array(menuLinkSchema).default([]),
  redirects: z.array(redirectSchema).default([]),
  content: z.array(z.object({ id, published: z.boolean().default(true), document: contentDocumentSchema })),
});
export type SiteBundle = z.infer<typeof siteBundleSchema>;
export type SiteBundleInput = z.input<typeof siteBundleSchema>;

/**
 * Addresses with routes of their own that show what editors publish there (else a default page): content may take
 * them, unlike other routes' addresses.
 */
export const CONTENT_ROUTES: ReadonlySet<string> = new Set(['/', '/accessibility', '/privacy', '/cookies']);

/** Names of the permissions (see migrations/001_content.sql). */
export const SITE_PERMISSIONS = { edit: 'site.edit', publish: 'site.publish' } as const;
