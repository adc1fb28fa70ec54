import type { ErrorItem } from '../../../platform/http/render.ts';
import type { Street } from '../../../platform/geo/gazetteer.ts';
import { isRecord } from './json.ts';
import { postedText } from './question.ts';
import type { FieldLookups, PostedForm } from './types.ts';

/** A street from the gazetteer, as an answer keeps it: enough to show, map and send on. */
export interface StreetAnswer {
  usrn: string;
  name: string;
  locality: string | null;
  town: string;
  lon: number;
  lat: number;
}

/**
 * Finding a street without JavaScript, like the address finder: type part of its name, then
 * choose from the streets found. The page owns the form and its Continue button, which finishes
 * the step on show; the step's own buttons post `<prefix>Action`.
 */
export interface StreetFinderView {
  step: 'search' | 'choose' | 'chosen';
  legend: string;
  hint?: string;
  names: { query: string; usrn: string; step: string; action: string };
  ids: { query: string; usrn: string };
  query: string;
  results: { value: string; text: string }[];
  chosen: StreetAnswer | null;
  chosenText: string;
  errors: { query?: string; usrn?: string };
}

export type StreetFinderResult = { kind: 'chosen'; street: StreetAnswer } | { kind: 'continue'; view: StreetFinderView; errors: ErrorItem[] };

export const STREET_FINDER_MESSAGES = {
  queryMissing: 'Enter a street name',
  queryShort: 'Street name must be 2 characters or more',
  notSelected: 'Select a street',
};

export function streetLabel(street: Pick<StreetAnswer, 'name' | 'locality' | 'town'>): string {
  return [street.name, street.locality, street.town].filter(Boolean).join(', ');
}

export function streetAnswer(street: Street): StreetAnswer {
  return { usrn: street.usrn, name: street.name, locality: street.locality, town: street.town, lon: street.lon, lat: street.lat };
}

export function asStreetAnswer(value: unknown): StreetAnswer | undefined {
  if (!isRecord(value)) return undefined;
  const { usrn, name, locality, town, lon, lat } = value;
  if (typeof usrn !== 'string' || typeof name !== 'string' || typeof town !== 'string' || typeof lon !== 'number' || typeof lat !== 'number') return undefined;
  return { usrn, name, locality: typeof locality === 'string' ? locality : null, town, lon, lat };
}

export function initialStreetFinderView(prefix: string, legend: string, chosen?: StreetAnswer, hint?: string): StreetFinderView {
  return {
    step: chosen ? 'chosen' : 'search',
    legend,
    hint,
    names: { query: `${prefix}Query`, usrn: `${prefix}Usrn`, step: `${prefix}Step`, action: `${prefix}Action` },
    ids: { query: `${prefix}-query`, usrn: `${prefix}-usrn` },
    query: '',
    results: [],
    chosen: chosen ?? null,
    chosenText: chosen ? streetLabel(chosen) : '',
    errors: {},
  };
}

export async function handleStreetFinder(lookups: FieldLookups, body: PostedForm, prefix: string, legend: string, hint?: string): Promise<StreetFinderResult> {
  const view = initialStreetFinderView(prefix, legend, undefined, hint);
  const query = postedText(body, view.names.query).replace(/\s+/g, ' ').trim();
  const usrn = postedText(body, view.names.usrn).trim();
  const step = postedText(body, view.names.step);
  const action = postedText(body, view.names.action);
  const gazetteer = lookups.gazetteer;

  if (action === 'change') return { kind: 'continue', view: { ...view, query }, errors: [] };
  if (action !== 'search' && step === 'chosen') {
    // The street shown as chosen travels in a hidden field: it stands only if the gazetteer has it.
    const street = usrn ? await gazetteer.street(usrn) : null;
    if (street) return { kind: 'chosen', street: streetAnswer(street) };
    return { kind: 'continue', view, errors: [] };
  }
  if (action !== 'search' && step === 'choose') {
    const found = await gazetteer.searchStreets(query, 20);
    // Only a street from this search's list is accepted, whatever was posted.
    const street = found.find((s) => s.usrn === usrn);
    if (street) return { kind: 'chosen', street: streetAnswer(street) };
    if (found.length > 0) return problem(chooseView(view, query, found), 'usrn', STREET_FINDER_MESSAGES.notSelected);
  }
  if (!query) return problem(view, 'query', STREET_FINDER_MESSAGES.queryMissing);
  if (query.length < 2) return problem({ ...view, query }, 'query', STREET_FINDER_MESSAGES.queryShort);
  const found = await gazetteer.searchStreets(query, 20);
  if (found.length === 0) return problem({ ...view, query }, 'query', `We could not find a street called ‘${query}’ – check the spelling or enter part of the name`);
  return { kind: 'continue', view: chooseView(view, query, found), errors: [] };
}

function chooseView(view: StreetFinderView, query: string, found: Street[]): StreetFinderView {
  return { ...view, step: 'choose', query, results: found.map((s) => ({ value: s.usrn, text: streetLabel(s) })) };
}

function problem(view: StreetFinderView, input: 'query' | 'usrn', text: string): StreetFinderResult {
  return { kind: 'continue', view: { ...view, errors: { [input]: text } }, errors: [{ href: `#${view.ids[input]}`, text }] };
}
