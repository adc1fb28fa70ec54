import type { PostalAddress } from '../db/tables.ts';
import { normalisePostcode, type Gazetteer } from './gazetteer.ts';

/**
 * The GOV.UK "find an address" pattern without JavaScript: enter a postcode, choose from the
 * addresses found, or type the address in. The page owns the <form>, the CSRF field and the final
 * button; each step's own buttons post `<prefix>Action`, and the step travels in a hidden field.
 * A page whose other fields fail validation after an address was chosen shows the finder again
 * with `initialAddressFinderView(chosen)`: the address, ready to check, keeping its UPRN.
 */
export type AddressFinderStep = 'postcode' | 'choose' | 'manual';
export type AddressFinderField = 'postcode' | 'uprn' | 'line1' | 'line2' | 'town';

export interface ErrorItem {
  href: string;
  text: string;
}

export interface AddressFinderView {
  step: AddressFinderStep;
  legend: string;
  /** Field names and ids, so several finders can share a page. */
  names: Record<AddressFinderField | 'step' | 'action', string>;
  ids: Record<AddressFinderField, string>;
  postcode: string;
  /** The choose step's list: "12 Acre Lane, Heaton Moor, Stockport, SK4 3DA". */
  addresses: { value: string; text: string }[];
  /** "12 addresses found", and with "for SK4 3DA" after it. */
  countText: string;
  foundText: string;
  /** The address chosen, or the gazetteer address the manual fields started from. */
  uprn: string;
  line1: string;
  line2: string;
  town: string;
  errors: Partial<Record<AddressFinderField, string>>;
  /** For the page's error summary, in the order the fields appear. */
  errorItems: ErrorItem[];
}

export type AddressFinderResult = { kind: 'chosen'; address: PostalAddress } | { kind: 'continue'; view: AddressFinderView };

export interface AddressFinderOptions {
  /** Prefix of the field names: `address` gives addressPostcode, addressLine1, addressAction… */
  prefix?: string;
  legend?: string;
}

/** What the finder needs from the gazetteer. */
export type AddressLookup = Pick<Gazetteer, 'findByPostcode' | 'address'>;

export const ADDRESS_FINDER_MESSAGES = {
  postcodeMissing: 'Enter a postcode',
  postcodeInvalid: 'Enter a real postcode',
  noneFound: 'We could not find any addresses for that postcode — enter the address manually',
  notSelected: 'Select an address',
  line1Missing: 'Enter address line 1, typically the building and street',
  townMissing: 'Enter town or city',
} as const;

const MAX_LENGTH = 100;
const FIELD_LABELS: Record<'line1' | 'line2' | 'town', string> = { line1: 'Address line 1', line2: 'Address line 2', town: 'Town or city' };
const ERROR_ORDER: AddressFinderField[] = ['postcode', 'uprn', 'line1', 'line2', 'town'];

/** The finder before anything is posted: the postcode step, or an existing address ready to check or change. */
export function initialAddressFinderView(existing?: PostalAddress, options: AddressFinderOptions = {}): AddressFinderView {
  const view = emptyView(options);
  if (!existing) return view;
  return { ...view, step: 'manual', ...manualFields(existing), uprn: existing.uprn ?? '' };
}

/** Handles a POST of the page holding the finder: the next step to show, or the address the person gave. */
export async function handleAddressFinder(gazetteer: AddressLookup, body: unknown, options: AddressFinderOptions = {}): Promise<AddressFinderResult> {
  const view = emptyView(options);
  const posted = readPosted(body, view.names);
  switch (posted.action) {
    case 'change-postcode':
      return proceed({ ...view, postcode: posted.postcode });
    case 'manual': {
      const postcode = normalisePostcode(posted.postcode) ?? posted.postcode;
      return proceed({ ...view, step: 'manual', postcode });
    }
    case 'find':
      return find(gazetteer, view, posted.postcode);
    case 'choose':
      return choose(gazetteer, view, posted);
    case 'save-manual':
      return saveManual(gazetteer, view, posted);
  }
}

type Action = 'find' | 'choose' | 'manual' | 'change-postcode' | 'save-manual';

interface Posted {
  action: Action;
  postcode: string;
  uprn: string;
  line1: string;
  line2: string;
  town: string;
}

async function find(gazetteer: AddressLookup, view: AddressFinderView, postcode: string): Promise<AddressFinderResult> {
  const at = { ...view, postcode };
  if (!postcode) return proceed(at, { postcode: ADDRESS_FINDER_MESSAGES.postcodeMissing });
  const normal = normalisePostcode(postcode);
  if (!normal) return proceed(at, { postcode: ADDRESS_FINDER_MESSAGES.postcodeInvalid });
  const found = await gazetteer.findByPostcode(normal);
  if (found.length === 0) return proceed({ ...at, postcode: normal }, { postcode: ADDRESS_FINDER_MESSAGES.noneFound });
  return proceed(chooseView(view, normal, found));
}

async function choose(gazetteer: AddressLookup, view: AddressFinderView, posted: Posted): Promise<AddressFinderResult> {
  const normal = normalisePostcode(posted.postcode);
  // The postcode travels in a hidden field; if it no longer reads as one, start again.
  if (!normal) return find(gazetteer, view, posted.postcode);
  const found = await gazetteer.findByPostcode(normal);
  if (found.length === 0) return find(gazetteer, view, normal);
  // Only a UPRN from this postcode's list is accepted, whatever was posted.
  const chosen = found.find((a) => a.uprn === posted.uprn);
  if (!chosen) return proceed(chooseView(view, normal, found), { uprn: ADDRESS_FINDER_MESSAGES.notSelected });
  return { kind: 'chosen', address: { uprn: chosen.uprn, lines: chosen.lines, town: chosen.town, postcode: chosen.postcode } };
}

async function saveManual(gazetteer: AddressLookup, view: AddressFinderView, posted: Posted): Promise<AddressFinderResult> {
  const errors: AddressFinderView['errors'] = {};
  if (!posted.line1) errors.line1 = ADDRESS_FINDER_MESSAGES.line1Missing;
  for (const field of ['line1', 'line2', 'town'] as const) {
    if (posted[field].length > MAX_LENGTH) errors[field] = `${FIELD_LABELS[field]} must be ${MAX_LENGTH} characters or less`;
  }
  if (!posted.town) errors.town = ADDRESS_FINDER_MESSAGES.townMissing;
  const postcode = normalisePostcode(posted.postcode);
  if (!posted.postcode) errors.postcode = ADDRESS_FINDER_MESSAGES.postcodeMissing;
  else if (!postcode) errors.postcode = ADDRESS_FINDER_MESSAGES.postcodeInvalid;
  if (Object.keys(errors).length > 0 || !postcode) {
    const { line1, line2, town, uprn } = posted;
    return proceed({ ...view, step: 'manual', postcode: postcode ?? posted.postcode, line1, line2, town, uprn }, errors);
  }
  const typed = { line1: posted.line1, line2: posted.line2, town: posted.town, postcode };
  // A UPRN comes back only for the gazetteer address it names, and only if its fields were left as they were.
  const original = posted.uprn ? await gazetteer.address(posted.uprn) : null;
  if (original && sameFields(manualFields(original), typed)) {
    return { kind: 'chosen', address: { uprn: original.uprn, lines: original.lines, town: original.town, postcode: original.postcode } };
  }
  return { kind: 'chosen', address: { lines: [typed.line1, typed.line2].filter(Boolean), town: typed.town, postcode } };
}

function chooseView(view: AddressFinderView, postcode: string, found: { uprn: string; label: string }[]): AddressFinderView {
  const countText = found.length === 1 ? '1 address found' : `${found.length} addresses found`;
  return {
    ...view,
    step: 'choose',
    postcode,
    addresses: found.map((a) => ({ value: a.uprn, text: a.label })),
    countText,
    foundText: `${countText} for ${postcode}`,
  };
}

function proceed(view: AddressFinderView, errors: AddressFinderView['errors'] = {}): AddressFinderResult {
  const errorItems = ERROR_ORDER.flatMap((field) => {
    const text = errors[field];
    return text ? [{ href: `#${view.ids[field]}`, text }] : [];
  });
  return { kind: 'continue', view: { ...view, errors, errorItems } };
}

function emptyView(options: AddressFinderOptions): AddressFinderView {
  const prefix = options.prefix ?? 'address';
  return {
    step: 'postcode',
    legend: options.legend ?? 'Address',
    names: {
      postcode: `${prefix}Postcode`,
      uprn: `${prefix}Uprn`,
      line1: `${prefix}Line1`,
      line2: `${prefix}Line2`,
      town: `${prefix}Town`,
      step: `${prefix}Step`,
      action: `${prefix}Action`,
    },
    ids: {
      postcode: `${prefix}-postcode`,
      uprn: `${prefix}-uprn`,
      line1: `${prefix}-line-1`,
      line2: `${prefix}-line-2`,
      town: `${prefix}-town`,
    },
    postcode: '',
    addresses: [],
    countText: '',
    foundText: '',
    uprn: '',
    line1: '',
    line2: '',
    town: '',
    errors: {},
    errorItems: [],
  };
}

/** The manual fields for an address: its first line, the rest joined, the town and postcode. */
function manualFields(address: PostalAddress): { line1: string; line2: string; town: string; postcode: string } {
  return { line1: address.lines[0] ?? '', line2: address.lines.slice(1).join(', '), town: address.town, postcode: address.postcode };
}

function sameFields(a: ReturnType<typeof manualFields>, b: ReturnType<typeof manualFields>): boolean {
  return a.line1 === b.line1 && a.line2 === b.line2 && a.town === b.town && normalisePostcode(a.postcode) === b.postcode;
}

function readPosted(body: unknown, names: AddressFinderView['names']): Posted {
  const form: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...body } : {};
  const text = (name: string): string => {
    const raw = form[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  };
  const step = text(names.step);
  return {
    action: actionFor(text(names.action), step),
    postcode: text(names.postcode),
    uprn: text(names.uprn),
    line1: text(names.line1),
    line2: text(names.line2),
    town: text(names.town),
  };
}

/** A step's own button names its action; the page's button (no action) finishes the step on show. */
function actionFor(action: string, step: string): Action {
  if (action === 'find' || action === 'choose' || action === 'manual' || action === 'change-postcode') return action;
  if (step === 'choose') return 'choose';
  if (step === 'manual') return 'save-manual';
  return 'find';
}
