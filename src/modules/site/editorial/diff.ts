import { diffWords } from 'diff';
import type { ContentDocument } from '../contracts.ts';
import { formValues, str, type FormValues } from './text-form.ts';

/** One field that differs between two versions, its words marked up as added and removed. */
export interface FieldDiff {
  label: string;
  /** HTML, every word escaped: <ins>/<del> with a visually hidden "added"/"removed" for screen readers. */
  html: string;
}

const FIELDS: [string, string][] = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['path', 'Address'],
  ['topicIds', 'Topics'],
  ['lgaServiceCodes', 'LGA service codes'],
  ['parentId', 'Parent topic'],
  ['intro', 'Introduction'],
  ['popularTasks', 'Popular tasks'],
  ['featuredTopicIds', 'Featured topics'],
  ['featured', 'Featured links'],
  ['sections', 'Sections'],
  ['body', 'Page text'],
  ['startUrl', 'Start button link'],
  ['startLabel', 'Start button text'],
  ['beforeYouStart', 'Before you start'],
  ['steps', 'Steps'],
  ['date', 'Date'],
  ['startsAt', 'Starts'],
  ['endsAt', 'Ends'],
  ['recurrence', 'Repeats'],
  ['recurrenceUntil', 'Repeats until'],
  ['venueName', 'Venue'],
  ['venueAddress', 'Venue address'],
  ['venuePostcode', 'Venue postcode'],
  ['cost', 'Cost'],
  ['bookingUrl', 'Booking link'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['address', 'Address for post or visits'],
  ['openingHours', 'Opening hours'],
  ['publishedOn', 'Publication date'],
  ['documents', 'Documents'],
  ['message', 'Message'],
  ['severity', 'How serious'],
  ['showFrom', 'Show from'],
  ['showUntil', 'Show until'],
];

/** The fields that changed from one version to another, in form order, as the editor wrote them. */
export function documentDiff(before: ContentDocument, after: ContentDocument, topicTitle: (id: string) => string): FieldDiff[] {
  const a = readable(formValues(before), topicTitle);
  const b = readable(formValues(after), topicTitle);
  return FIELDS.flatMap(([key, label]) => {
    const from = a.get(key) ?? '';
    const to = b.get(key) ?? '';
    return from === to ? [] : [{ label, html: wordDiffHtml(from, to) }];
  });
}

function readable(values: FormValues, topicTitle: (id: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key] of FIELDS) {
    const value = values[key];
    if (Array.isArray(value)) out.set(key, value.map(topicTitle).join('\n'));
    else if (key === 'parentId') out.set(key, value ? topicTitle(value) : '');
    else if (value !== undefined) out.set(key, value);
    else if (values[`${key}-year`] !== undefined) {
      const time = str(values, `${key}Time`);
      out.set(key, `${str(values, `${key}-day`)}/${str(values, `${key}-month`)}/${str(values, `${key}-year`)}${time ? ` ${time}` : ''}`);
    }
  }
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c).replace(/\n/g, '<br>');

export function wordDiffHtml(from: string, to: string): string {
  return diffWords(from, to)
    .map((part) => {
      if (part.added) return `<ins class="app-diff__added"><span class="govuk-visually-hidden">added: </span>${escape(part.value)}</ins>`;
      if (part.removed) return `<del class="app-diff__removed"><span class="govuk-visually-hidden">removed: </span>${escape(part.value)}</del>`;
      return escape(part.value);
    })
    .join('');
}
