import type { FieldError } from '../../../platform/http/forms.ts';
import type { ContentDocument, ContentDocumentInput, ContentLink, ContentType } from '../contracts.ts';
import { fromMarkdown, RichTextProblem, toMarkdown, type RichText } from '../rich-text/index.ts';
import { londonInstant, londonParts, realDay, realTime } from './london-time.ts';
import { problem } from './problems.ts';

/**
 * Content as the edit form holds it, and back. Every repeating part is plain text, so the form works without
 * JavaScript: guide sections and steps are Markdown split on "# Title" lines (Markdown itself only has ## and ###),
 * link lists are "Text | /address" lines.
 */
export type FormValues = Record<string, string | string[]>;

export function str(values: FormValues, key: string): string {
  const v = values[key];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n?/g, '\n');
}

export function list(values: FormValues, key: string): string[] {
  const v = values[key];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');
}

export const linksText = (links: ContentLink[]): string => links.map((l) => `${l.text} | ${l.href}`).join('\n');

/** A document as the edit form's values. */
export function formValues(document: ContentDocument): FormValues {
  const common: FormValues = {
    title: document.title,
    summary: document.summary,
    path: document.path ?? '',
    topicIds: document.topicIds,
    lgaServiceCodes: document.lgaServiceCodes.join(', '),
  };
  const f = document;
  switch (f.type) {
    case 'home':
      return { ...common, intro: toMarkdown(f.fields.intro), popularTasks: linksText(f.fields.popularTasks), featuredTopicIds: f.fields.featuredTopicIds };
    case 'topic':
      return { ...common, parentId: f.fields.parentId ?? '', intro: toMarkdown(f.fields.intro), featured: linksText(f.fields.featured) };
    case 'guide':
      return { ...common, sections: f.fields.sections.map((s) => `# ${s.title}\n\n${toMarkdown(s.body)}`).join('\n\n') };
    case 'start':
      return { ...common, body: toMarkdown(f.fields.body), startUrl: f.fields.startUrl, startLabel: f.fields.startLabel, beforeYouStart: toMarkdown(f.fields.beforeYouStart) };
    case 'step_by_step':
      return {
        ...common,
        intro: toMarkdown(f.fields.intro),
        steps: f.fields.steps
          .map((s) => [`# ${s.logic === 'or' ? '[or] ' : ''}${s.title}`, toMarkdown(s.body), ...s.links.map((l) => `Link: ${l.text} | ${l.href}`)].filter(Boolean).join('\n\n'))
          .join('\n\n'),
      };
    case 'news':
      return { ...common, body: toMarkdown(f.fields.body), ...dateValues('date', f.fields.date) };
    case 'event':
      return {
        ...common,
        body: toMarkdown(f.fields.body),
        ...dateTimeValues('startsAt', f.fields.startsAt),
        ...dateTimeValues('endsAt', f.fields.endsAt),
        recurrence: f.fields.recurrence?.frequency ?? 'none',
        ...dateValues('recurrenceUntil', f.fields.recurrence?.until ?? null),
        venueName: f.fields.venue.name,
        venueAddress: f.fields.venue.address,
        venuePostcode: f.fields.venue.postcode,
        cost: f.fields.cost,
        bookingUrl: f.fields.bookingUrl ?? '',
      };
    case 'contact':
      return {
        ...common,
        body: toMarkdown(f.fields.body),
        phone: f.fields.phone ?? '',
        email: f.fields.email ?? '',
        address: f.fields.address ?? '',
        openingHours: f.fields.openingHours ?? '',
      };
    case 'publication':
      return {
        ...common,
        body: toMarkdown(f.fields.body),
        ...dateValues('publishedOn', f.fields.publishedOn),
        documents: f.fields.documents.map((d) => [d.title, d.url, d.format, ...(d.sizeBytes === null ? [] : [String(d.sizeBytes)])].join(' | ')).join('\n'),
      };
    case 'alert':
      return {
        ...common,
        message: toMarkdown(f.fields.message),
        severity: f.fields.severity,
        ...dateTimeValues('showFrom', f.fields.showFrom),
        ...dateTimeValues('showUntil', f.fields.showUntil),
      };
  }
}

/** Empty values for a new item of a type. */
export function blankValues(type: ContentType): FormValues {
  return { path: type === 'home' ? '/' : '', recurrence: 'none', severity: '', startLabel: 'Start now' };
}

function dateValues(name: string, day: string | null): FormValues {
  if (!day) return {};
  return { [`${name}-day`]: String(Number(day.slice(8, 10))), [`${name}-month`]: String(Number(day.slice(5, 7))), [`${name}-year`]: day.slice(0, 4) };
}

function dateTimeValues(name: string, iso: string | null): FormValues {
  if (!iso) return {};
  const { day, time } = londonParts(new Date(iso));
  return { ...dateValues(name, day), [`${name}Time`]: time };
}

/** Reads the edit form into a document for the content model to check; problems the form itself can see come back. */
export function documentFromForm(type: ContentType, values: FormValues): { document: ContentDocumentInput | null; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const md = (field: string, label: string) => markdown(values, field, label, problems);
  const codes = str(values, 'lgaServiceCodes')
    .split(/[\s,]+/)
    .filter(Boolean);
  const lgaServiceCodes = codes.map(Number);
  if (lgaServiceCodes.some((n) => !Number.isInteger(n) || n < 1)) problems.push(problem('lgaServiceCodes', 'LGA service codes must be whole numbers, separated by commas'));
  const common = {
    title: str(values, 'title'),
    summary: str(values, 'summary'),
    topicIds: list(values, 'topicIds'),
    lgaServiceCodes: lgaServiceCodes.filter((n) => Number.isInteger(n) && n > 0),
  };
  const path = str(values, 'path').trim();
  let document: ContentDocumentInput | null = null;
  switch (type) {
    case 'home':
      document = { type, path: '/', ...common, fields: { intro: md('intro', 'Introduction'), popularTasks: linkLines(values, 'popularTasks', problems), featuredTopicIds: list(values, 'featuredTopicIds') } };
      break;
    case 'topic':
      document = { type, path, ...common, fields: { parentId: str(values, 'parentId') || null, intro: md('intro', 'Introduction'), featured: linkLines(values, 'featured', problems) } };
      break;
    case 'guide':
      document = { type, path, ...common, fields: { sections: guideSections(values, problems) } };
      break;
    case 'start':
      document = {
        type,
        path,
        ...common,
        fields: { body: md('body', 'Page text'), startUrl: str(values, 'startUrl').trim(), startLabel: str(values, 'startLabel').trim() || 'Start now', beforeYouStart: md('beforeYouStart', 'Before you start') },
      };
      break;
    case 'step_by_step':
      document = { type, path, ...common, fields: { intro: md('intro', 'Introduction'), steps: steps(values, problems) } };
      break;
    case 'news':
      document = { type, path, ...common, fields: { body: md('body', 'Page text'), date: dateField(values, 'date', 'the date of the story', true, problems) ?? '' } };
      break;
    case 'event': {
      const startsAt = dateTimeField(values, 'startsAt', 'when the event starts', true, problems);
      const endsAt = dateTimeField(values, 'endsAt', 'when the event ends', true, problems);
      if (startsAt && endsAt && endsAt < startsAt) problems.push(problem('endsAt-day', 'The event must end after it starts'));
      const frequency = str(values, 'recurrence');
      const until = frequency === 'weekly' || frequency === 'monthly' ? dateField(values, 'recurrenceUntil', 'the date the event repeats until', true, problems) : null;
      document = {
        type,
        path,
        ...common,
        fields: {
          body: md('body', 'Page text'),
          startsAt: startsAt ?? '',
          endsAt: endsAt ?? '',
          recurrence: (frequency === 'weekly' || frequency === 'monthly') && until ? { frequency, until } : null,
          venue: { name: str(values, 'venueName').trim(), address: str(values, 'venueAddress').trim(), postcode: str(values, 'venuePostcode').trim() },
          cost: str(values, 'cost').trim(),
          bookingUrl: str(values, 'bookingUrl').trim() || null,
        },
      };
      break;
    }
    case 'contact':
      document = {
        type,
        path,
        ...common,
        fields: {
          body: md('body', 'Page text'),
          phone: str(values, 'phone').trim() || null,
          email: str(values, 'email').trim() || null,
          address: str(values, 'address').trim() || null,
          openingHours: str(values, 'openingHours').trim() || null,
        },
      };
      break;
    case 'publication':
      document = {
        type,
        path,
        ...common,
        fields: { body: md('body', 'Page text'), publishedOn: dateField(values, 'publishedOn', 'the publication date', true, problems) ?? '', documents: documentLines(values, problems) },
      };
      break;
    case 'alert': {
      const severity = str(values, 'severity');
      document = {
        type,
        path: null,
        ...common,
        fields: {
          message: md('message', 'Message'),
          severity: severity === 'important' || severity === 'emergency' ? severity : 'information',
          showFrom: dateTimeField(values, 'showFrom', 'when to start showing it', false, problems),
          showUntil: dateTimeField(values, 'showUntil', 'when to stop showing it', false, problems),
        },
      };
      if (!['information', 'important', 'emergency'].includes(severity)) problems.push(problem('severity', 'Select how serious the alert is'));
      break;
    }
  }
  return { document, problems };
}

function markdown(values: FormValues, field: string, label: string, problems: FieldError[]): RichText {
  try {
    return fromMarkdown(str(values, field));
  } catch (error) {
    if (!(error instanceof RichTextProblem)) throw error;
    problems.push(problem(field, `${label}: ${error.message}`));
    return [];
  }
}

/** "Text | /address" a line. */
function linkLines(values: FormValues, field: string, problems: FieldError[]): ContentLink[] {
  return lines(str(values, field)).flatMap((line, i) => {
    const link = parseLink(line);
    if (!link) problems.push(problem(field, `Line ${i + 1}: write a link as text, a vertical bar, then the address, like "Pay council tax | /council-tax/pay"`));
    return link ? [link] : [];
  });
}

function parseLink(line: string): ContentLink | null {
  const bar = line.lastIndexOf('|');
  if (bar < 0) return null;
  const text = line.slice(0, bar).trim();
  const href = line.slice(bar + 1).trim();
  return text && href ? { text, href } : null;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Splits text on "# Title" lines; text before the first is returned as `before`. */
function headed(text: string): { before: string; parts: { heading: string; body: string[] }[] } {
  const parts: { heading: string; body: string[] }[] = [];
  const before: string[] = [];
  for (const line of text.split('\n')) {
    const heading = /^#[ \t]+(.*\S)\s*$/.exec(line);
    if (heading) parts.push({ heading: heading[1] ?? '', body: [] });
    else (parts.at(-1)?.body ?? before).push(line);
  }
  return { before: before.join('\n').trim(), parts };
}

export function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'section'
  );
}

function guideSections(values: FormValues, problems: FieldError[]): { title: string; slug: string; body: RichText }[] {
  const { before, parts } = headed(str(values, 'sections'));
  // An article: one section, named as the page.
  if (parts.length === 0) return [{ title: str(values, 'title').trim() || 'Overview', slug: 'overview', body: richPart(before, 'Page text', 'sections', problems) }];
  if (before) problems.push(problem('sections', 'Start the first section with a line "# Section title"'));
  const used = new Set<string>();
  return parts.map((part, i) => {
    let slug = slugOf(part.heading);
    for (let n = 2; used.has(slug); n++) slug = `${slugOf(part.heading)}-${n}`;
    used.add(slug);
    return { title: part.heading, slug, body: richPart(part.body.join('\n'), `Section ${i + 1} ("${part.heading}")`, 'sections', problems) };
  });
}

function steps(values: FormValues, problems: FieldError[]): { title: string; body: RichText; links: ContentLink[]; logic: 'and' | 'or' }[] {
  const { before, parts } = headed(str(values, 'steps'));
  if (before) problems.push(problem('steps', 'Start each step with a line "# Step title"'));
  return parts.map((part, i) => {
    const or = /^\[or\]\s*/i.exec(part.heading);
    const title = or ? part.heading.slice(or[0].length) : part.heading;
    const links: ContentLink[] = [];
    const body: string[] = [];
    for (const line of part.body) {
      const match = /^link:\s*(.*)$/i.exec(line.trim());
      if (!match) {
        body.push(line);
        continue;
      }
      const link = parseLink(match[1] ?? '');
      if (link) links.push(link);
      else problems.push(problem('steps', `Step ${i + 1}: write a link as "Link: text | /address"`));
    }
    return { title, body: richPart(body.join('\n'), `Step ${i + 1} ("${title}")`, 'steps', problems), links, logic: or ? 'or' : 'and' };
  });
}

function richPart(source: string, label: string, field: string, problems: FieldError[]): RichText {
  try {
    return fromMarkdown(source);
  } catch (error) {
    if (!(error instanceof RichTextProblem)) throw error;
    problems.push(problem(field, `${label}: ${error.message}`));
    return [];
  }
}

function documentLines(values: FormValues, problems: FieldError[]): { title: string; url: string; format: string; sizeBytes: number | null }[] {
  return lines(str(values, 'documents')).flatMap((line, i) => {
    const [title = '', url = '', format = '', size = ''] = line.split('|').map((p) => p.trim());
    const sizeBytes = size === '' ? null : Number(size);
    if (!title || !url || !format || (sizeBytes !== null && (!Number.isInteger(sizeBytes) || sizeBytes < 0))) {
      problems.push(problem('documents', `Document ${i + 1}: write it as "Title | address | format", with an optional size in bytes after another bar`));
      return [];
    }
    return [{ title, url, format, sizeBytes }];
  });
}

function dateField(values: FormValues, name: string, what: string, required: boolean, problems: FieldError[]): string | null {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(values, `${name}-${p}`).trim());
  if (!d && !m && !y) {
    if (required) problems.push(problem(`${name}-day`, `Enter ${what}`));
    return null;
  }
  const day = realDay(d ?? '', m ?? '', y ?? '');
  if (!day) problems.push(problem(`${name}-day`, `${capitalise(what)} must be a real date`));
  return day;
}

function dateTimeField(values: FormValues, name: string, what: string, required: boolean, problems: FieldError[]): string | null {
  const day = dateField(values, name, what, required, problems);
  const timeText = str(values, `${name}Time`).trim();
  if (!day) return null;
  const time = realTime(timeText);
  if (!time) {
    problems.push(problem(`${name}Time`, timeText ? 'Enter a real time, like 9:30am or 14:30' : `Enter the time of ${what}`));
    return null;
  }
  return londonInstant(day, time).toISOString();
}

const capitalise = (s: string): string => (s[0]?.toUpperCase() ?? '') + s.slice(1);
