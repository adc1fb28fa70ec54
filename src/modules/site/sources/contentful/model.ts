import { z } from 'zod';
import { CONTENT_TYPES, type ContentType } from '../../contracts.ts';

/**
 * The Contentful content model the adapter expects (docs/contentful.md tells a council how to set it up).
 * Content type ids for our page types and alerts, and for the entries they are built from.
 */
export const CONTENTFUL_TYPES: Record<ContentType, string> = {
  home: 'home',
  topic: 'topic',
  guide: 'guide',
  start: 'startPage',
  step_by_step: 'stepByStep',
  news: 'newsStory',
  event: 'event',
  contact: 'contact',
  publication: 'publication',
  alert: 'alert',
};
/** Parts of pages: a guide's sections, a step by step's steps, and links (to a page here or an address elsewhere). */
export const PART_TYPES = { section: 'guideSection', step: 'step', link: 'link' } as const;

const ourTypeByContentfulId = new Map<string, ContentType>(CONTENT_TYPES.map((type) => [CONTENTFUL_TYPES[type], type]));

export function contentTypeOf(contentfulTypeId: string | null): ContentType | undefined {
  return contentfulTypeId === null ? undefined : ourTypeByContentfulId.get(contentfulTypeId);
}

/** Fields as the Sync API sends them: by field id, then by locale code. */
const localisedFields = z.record(z.string(), z.record(z.string(), z.unknown()));
export type LocalisedFields = z.infer<typeof localisedFields>;

const id = z.string().min(1).max(64);
const baseSys = { id, updatedAt: z.string().optional() };

/** One item of a sync page, checked at the edge. Deleted items carry only their sys. */
export const syncItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Entry'), ...baseSys, contentType: z.object({ sys: z.object({ id }) }) }),
  z.object({ type: z.literal('Asset'), ...baseSys }),
  z.object({ type: z.literal('DeletedEntry'), ...baseSys }),
  z.object({ type: z.literal('DeletedAsset'), ...baseSys }),
]);
export const syncEntitySchema = z.object({ sys: syncItemSchema, fields: localisedFields.optional() });
export type SyncEntity = z.infer<typeof syncEntitySchema>;

/** An entry or asset as the mirror keeps it. */
export interface StoredItem {
  id: string;
  kind: 'Entry' | 'Asset';
  contentType: string | null;
  fields: LocalisedFields;
  links: string[];
  updatedAt: Date;
}

export const storedFieldsSchema = localisedFields.catch({});

const linkSchema = z.object({ sys: z.object({ type: z.literal('Link'), linkType: z.enum(['Entry', 'Asset']), id }) });

/** The ids of every entry and asset a value links to, however deep (reference fields and rich text). */
export function linksIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) linksIn(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const link = linkSchema.safeParse(value);
    if (link.success) found.add(link.data.sys.id);
    else for (const inner of Object.values(value)) linksIn(inner, found);
  }
  return found;
}

export function linkedId(value: unknown): string | undefined {
  const link = linkSchema.safeParse(value);
  return link.success ? link.data.sys.id : undefined;
}
