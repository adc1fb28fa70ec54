import type { z } from 'zod';
import type { FieldError } from '../../../platform/http/forms.ts';

/** An editor's change refused, with every reason in GOV.UK words; nothing was written. */
export class ContentRefused extends Error {
  override name = 'ContentRefused';
  constructor(readonly problems: FieldError[]) {
    super(problems.map((p) => p.text).join('; '));
  }
}

/** A bundle refused on import, with every problem found; nothing was written. */
export class SiteBundleRefused extends Error {
  override name = 'SiteBundleRefused';
  constructor(readonly problems: string[]) {
    super(`The site bundle was not imported:\n- ${problems.join('\n- ')}`);
  }
}

export function problem(field: string, text: string): FieldError {
  return { href: `#${field}`, text };
}

/** What each field is called in the editors' words; the keys are the edit form's field ids. */
const LABELS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  path: 'address',
  topicIds: 'topics',
  lgaServiceCodes: 'LGA service codes',
  intro: 'introduction',
  popularTasks: 'popular tasks',
  featuredTopicIds: 'featured topics',
  parentId: 'parent topic',
  featured: 'featured links',
  sections: 'sections',
  body: 'page text',
  startUrl: 'start button link',
  startLabel: 'start button text',
  beforeYouStart: '"Before you start" text',
  steps: 'steps',
  date: 'date',
  startsAt: 'start date and time',
  endsAt: 'end date and time',
  recurrence: 'how often it repeats',
  recurrenceUntil: 'date it repeats until',
  venueName: 'venue name',
  venueAddress: 'venue address',
  venuePostcode: 'venue postcode',
  cost: 'cost',
  bookingUrl: 'booking link',
  phone: 'phone number',
  email: 'email address',
  address: 'address',
  openingHours: 'opening hours',
  publishedOn: 'publication date',
  documents: 'documents',
  message: 'message',
  severity: 'how serious it is',
  showFrom: 'date to show it from',
  showUntil: 'date to show it until',
};

// Fields whose schema carries its own GOV.UK message (contracts.ts).
const OWN_MESSAGES = new Set(['title', 'summary', 'path']);

/** The edit form's field for a place in a document: `fields.venue.name` is `venueName`. */
export function fieldFor(path: PropertyKey[]): { field: string; item?: number } {
  const [first, second, third, fourth] = path;
  if (first !== 'fields') return { field: String(first ?? 'title'), item: typeof second === 'number' ? second : undefined };
  if (second === 'venue' && typeof third === 'string') return { field: `venue${third[0]?.toUpperCase()}${third.slice(1)}` };
  if (second === 'recurrence') return { field: third === 'until' ? 'recurrenceUntil' : 'recurrence' };
  return { field: String(second ?? 'title'), item: typeof third === 'number' ? third : typeof fourth === 'number' ? fourth : undefined };
}

/** A schema problem as an editor reads it: "Enter a title", "Section 2: the title must be 120 characters or fewer". */
export function issueProblem(issue: z.core.$ZodIssue): FieldError {
  const { field, item } = fieldFor(issue.path);
  const label = LABELS[field] ?? field;
  const prefix = item === undefined || field === 'topicIds' ? '' : `${ordinalLabel(field)} ${item + 1}: `;
  return problem(field, prefix + describe(issue, field, label, prefix !== ''));
}

function ordinalLabel(field: string): string {
  const singular: Record<string, string> = { sections: 'Section', steps: 'Step', documents: 'Document', popularTasks: 'Link', featured: 'Link', lgaServiceCodes: 'Code' };
  return singular[field] ?? 'Item';
}

function describe(issue: z.core.$ZodIssue, field: string, label: string, inItem: boolean): string {
  const what = inItem ? String(issue.path.at(-1) ?? label) : label;
  if (OWN_MESSAGES.has(field) && !inItem) return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `Add at least ${String(issue.minimum)} ${label}`;
      return inItem ? `enter the ${what}` : `Enter the ${label}`;
    case 'too_big':
      if (issue.origin === 'array') return `Enter no more than ${String(issue.maximum)} ${label}`;
      return `${inItem ? 'the' : 'The'} ${what} must be ${String(issue.maximum)} characters or fewer`;
    case 'invalid_format':
      if (field === 'email') return 'Enter an email address in the correct format, like name@example.com';
      return `Enter a real ${label}`;
    case 'invalid_value':
    case 'invalid_union':
      return `Select the ${label}`;
    default:
      return inItem ? `check the ${what}` : `Check the ${label}`;
  }
}
