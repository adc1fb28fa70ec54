import { z } from 'zod';
import { contentDocumentSchema, type ContentDocument, type ContentDocumentInput, type ContentLink, type ContentType } from '../../contracts.ts';
import type { RichText } from '../../rich-text/model.ts';
import { contentIdOf } from './ids.ts';
import { CONTENTFUL_TYPES, PART_TYPES, contentTypeOf, linkedId, type StoredItem } from './model.ts';
import { fromContentfulRichText, type LinkTargets } from './rich-text.ts';

/** The mirrored space as mapping sees it: items by id, and the locale to read. */
export interface MirroredSpace {
  item(id: string): StoredItem | undefined;
  locale: string;
}

export type MappedEntry = { ok: true; document: ContentDocument; warnings: string[] } | { ok: false; problem: string };

/** A field that cannot be read at all: the entry is skipped with this message. */
class FieldProblem extends Error {}

/**
 * Builds our content document from a page or alert entry, following its links (sections, steps, topics, files)
 * through the mirror, and validates it. Nothing partial comes out: either a valid document or the problem.
 */
export function mapEntry(entry: StoredItem, type: ContentType, space: MirroredSpace): MappedEntry {
  const warnings: string[] = [];
  const read = new EntryFields(entry, space, warnings);
  let input: ContentDocumentInput;
  try {
    input = buildDocument(type, read);
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, problem: error.message };
    throw error;
  }
  const parsed = contentDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.filter((part) => part !== 'fields').join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    });
    return { ok: false, problem: problems.join('; ') };
  }
  return { ok: true, document: parsed.data, warnings };
}

function buildDocument(type: ContentType, f: EntryFields): ContentDocumentInput {
  const common = {
    title: f.text('title') ?? '',
    summary: f.text('summary') ?? '',
    topicIds: f.contentIds('topics', 'topic'),
    lgaServiceCodes: f.numbers('lgaServiceCodes'),
  };
  const path = f.text('path') ?? '';
  switch (type) {
    case 'home':
      return { type, path: '/', ...common, fields: { intro: f.rich('intro'), popularTasks: f.links('popularTasks'), featuredTopicIds: f.contentIds('featuredTopics', 'topic') } };
    case 'topic':
      return { type, path, ...common, fields: { parentId: f.contentIds('parent', 'topic')[0] ?? null, intro: f.rich('intro'), featured: f.links('featured') } };
    case 'guide':
      return {
        type,
        path,
        ...common,
        fields: { sections: f.parts('sections', PART_TYPES.section).map((s) => ({ title: s.text('title') ?? '', slug: s.text('slug') ?? '', body: s.rich('body') })) },
      };
    case 'start':
      return {
        type,
        path,
        ...common,
        fields: { body: f.rich('body'), startUrl: f.text('startUrl') ?? '', startLabel: f.text('startLabel'), beforeYouStart: f.rich('beforeYouStart') },
      };
    case 'step_by_step':
      return {
        type,
        path,
        ...common,
        fields: {
          intro: f.rich('intro'),
          steps: f.parts('steps', PART_TYPES.step).map((s) => ({ title: s.text('title') ?? '', body: s.rich('body'), links: s.links('links'), logic: s.text('logic') === 'or' ? 'or' : 'and' })),
        },
      };
    case 'news':
      return { type, path, ...common, fields: { body: f.rich('body'), date: f.date('date') } };
    case 'event': {
      const frequency = f.text('recurrence');
      return {
        type,
        path,
        ...common,
        fields: {
          body: f.rich('body'),
          startsAt: f.dateTime('startsAt'),
          endsAt: f.dateTime('endsAt'),
          recurrence: frequency === 'weekly' || frequency === 'monthly' ? { frequency, until: f.date('recurrenceUntil') } : null,
          venue: { name: f.text('venueName') ?? '', address: f.text('venueAddress') ?? '', postcode: f.text('venuePostcode') ?? '' },
          cost: f.text('cost') ?? '',
          bookingUrl: f.text('bookingUrl') ?? null,
        },
      };
    }
    case 'contact':
      return {
        type,
        path,
        ...common,
        fields: { body: f.rich('body'), phone: f.text('phone') ?? null, email: f.text('email') ?? null, address: f.text('address') ?? null, openingHours: f.text('openingHours') ?? null },
      };
    case 'publication':
      return { type, path, ...common, fields: { body: f.rich('body'), publishedOn: f.date('publishedOn'), documents: f.documents('documents') } };
    case 'alert':
      return {
        type,
        path: null,
        ...common,
        fields: { message: f.rich('message'), severity: f.choice('severity', SEVERITIES), showFrom: f.dateTimeOrNull('showFrom'), showUntil: f.dateTimeOrNull('showUntil') },
      };
  }
}

const SEVERITIES = ['information', 'important', 'emergency'] as const;

const assetFileSchema = z.object({
  url: z.string().min(1),
  fileName: z.string().default(''),
  contentType: z.string().default(''),
  details: z.object({ size: z.number().int().min(0).optional() }).default({}),
});

/** Reads one entry's fields in the chosen locale (falling back to the first locale present). */
class EntryFields implements LinkTargets {
  constructor(
    private readonly entry: StoredItem,
    private readonly space: MirroredSpace,
    private readonly warnings: string[],
    private readonly label = '',
  ) {}

  private value(field: string, item: StoredItem = this.entry): unknown {
    const byLocale = item.fields[field];
    if (!byLocale) return undefined;
    return byLocale[this.space.locale] ?? Object.values(byLocale)[0];
  }

  private warn(field: string, message: string): void {
    this.warnings.push(`${this.label}${field}: ${message}`);
  }

  /** A text field; empty means absent. A value of another kind is a content model mistake, reported as such. */
  text(field: string): string | undefined {
    const value = this.value(field);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new FieldProblem(`${this.label}${field}: should be a text field`);
    return value;
  }

  choice<const T extends string>(field: string, choices: readonly T[]): T {
    const value = this.text(field);
    const found = choices.find((c) => c === value);
    if (found === undefined) throw new FieldProblem(`${this.label}${field}: should be one of ${choices.join(', ')}`);
    return found;
  }

  numbers(field: string): number[] {
    const value = this.value(field);
    if (value === undefined || value === null) return [];
    const list = z.array(z.union([z.number(), z.string().regex(/^\d+$/)])).safeParse(value);
    if (!list.success) throw new FieldProblem(`${this.label}${field}: should be a list of numbers`);
    return list.data.map(Number);
  }

  rich(field: string): RichText {
    const converted = fromContentfulRichText(this.value(field), this, (message) => this.warn(field, message));
    if ('error' in converted) throw new FieldProblem(`${this.label}${field}: ${converted.error}`);
    return converted;
  }

  /** Contentful dates may carry a time ("2025-03-01T00:00+00:00"); a date field of ours is the day alone. */
  date(field: string): string {
    const value = this.text(field) ?? '';
    return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
  }

  dateTime(field: string): string {
    const value = this.text(field) ?? '';
    // Contentful writes minutes without seconds ("2025-06-14T10:00+01:00"); a time without a zone is ambiguous.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
      const parsed = new Date(value);
      if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
    }
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) throw new FieldProblem(`${this.label}${field}: needs a time zone (use the "Date and time with timezone" format)`);
    return value;
  }

  dateTimeOrNull(field: string): string | null {
    return this.text(field) === undefined ? null : this.dateTime(field);
  }

  /** Linked entries or assets, in order. Links to items that are not published are left out with a warning. */
  private linked(field: string, kind: 'Entry' | 'Asset'): StoredItem[] {
    const value = this.value(field);
    if (value === undefined || value === null) return [];
    const links = Array.isArray(value) ? value : [value];
    const items: StoredItem[] = [];
    for (const link of links) {
      const id = linkedId(link);
      if (id === undefined) throw new FieldProblem(`${this.label}${field}: should be a reference field`);
      const item = this.space.item(id);
      if (item?.kind === kind) items.push(item);
      else this.warn(field, `links to ${kind === 'Entry' ? 'an entry' : 'a file'} (${id}) that is not published, so it was left out`);
    }
    return items;
  }

  contentIds(field: string, type: ContentType): string[] {
    return this.linked(field, 'Entry').flatMap((item) => {
      if (item.contentType === CONTENTFUL_TYPES[type]) return [contentIdOf(item.id)];
      this.warn(field, `links to an entry (${item.id}) that is not a ${CONTENTFUL_TYPES[type]}, so it was left out`);
      return [];
    });
  }

  /** Entries a page is built from (sections, steps), read in their turn. */
  parts(field: string, contentType: string): EntryFields[] {
    return this.linked(field, 'Entry').flatMap((item, i) => {
      if (item.contentType === contentType) return [new EntryFields(item, this.space, this.warnings, `${this.label}${field}[${i + 1}].`)];
      this.warn(field, `links to an entry (${item.id}) that is not a ${contentType}, so it was left out`);
      return [];
    });
  }

  /** `link` entries: text and either a page on the site or an address elsewhere. */
  links(field: string): ContentLink[] {
    return this.parts(field, PART_TYPES.link).flatMap((link) => {
      const text = link.text('text') ?? '';
      const page = link.linked('page', 'Entry')[0];
      const href = page ? this.pathOfEntry(page.id) : link.text('url');
      if (href === undefined) {
        this.warn(field, `the link "${text}" has no page or address, so it was left out`);
        return [];
      }
      return [{ text, href }];
    });
  }

  documents(field: string): { title: string; url: string; format: string; sizeBytes: number | null }[] {
    return this.linked(field, 'Asset').flatMap((asset) => {
      const file = assetFileSchema.safeParse(this.value('file', asset));
      if (!file.success) {
        this.warn(field, `the file ${asset.id} has no file uploaded, so it was left out`);
        return [];
      }
      const title = this.value('title', asset);
      return [
        {
          title: typeof title === 'string' && title ? title : file.data.fileName || 'Document',
          url: absolute(file.data.url),
          format: formatOf(file.data.fileName, file.data.contentType),
          sizeBytes: file.data.details.size ?? null,
        },
      ];
    });
  }

  pathOfEntry(entryId: string): string | undefined {
    const item = this.space.item(entryId);
    if (item?.kind !== 'Entry') return undefined;
    const type = contentTypeOf(item.contentType);
    if (type === 'home') return '/';
    if (type === undefined || type === 'alert') return undefined;
    const path = this.value('path', item);
    return typeof path === 'string' && path ? path : undefined;
  }

  assetUrl(assetId: string): string | undefined {
    const asset = this.space.item(assetId);
    if (asset?.kind !== 'Asset') return undefined;
    const file = assetFileSchema.safeParse(this.value('file', asset));
    return file.success ? absolute(file.data.url) : undefined;
  }
}

/** Contentful gives asset addresses without a scheme ("//assets.ctfassets.net/…"). */
function absolute(url: string): string {
  return url.startsWith('//') ? `https:${url}` : url;
}

function formatOf(fileName: string, contentType: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1];
  if (extension) return extension.toUpperCase();
  return (contentType.split('/')[1] ?? 'File').toUpperCase().slice(0, 20);
}
