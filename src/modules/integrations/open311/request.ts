import type { ReportForContractor } from '../ports.ts';

/** GeoReport's limit on a description. */
const MAX_DESCRIPTION = 4000;

/**
 * The line that carries our reference in the description. It goes first so it survives a
 * contractor cutting long descriptions short, because it is how a retry finds a request that an
 * unanswered attempt created (GET requests lists descriptions but not attributes).
 */
export function referenceLine(reference: string): string {
  return `Council reference: ${reference}`;
}

export function describedAs(report: ReportForContractor): string {
  const parts = [referenceLine(report.reference), report.description.trim(), report.locationDescription ? `Where: ${report.locationDescription.trim()}` : ''];
  return parts.filter(Boolean).join('\n\n').slice(0, MAX_DESCRIPTION);
}

/** Whether a request listed by the contractor is the one this report became. */
export function isRequestFor(description: string | undefined, reference: string): boolean {
  return description !== undefined && description.split(/\r?\n/).some((line) => line.trim() === referenceLine(reference));
}

/**
 * The form fields of POST requests.xml, less api_key and jurisdiction_id (the client adds those).
 * Answers become `attribute[code]` (lists as `attribute[code][]`), as a service definition names them;
 * our reference and the asset go as attributes too, as FixMyStreet sends its own id.
 */
export function requestFields(report: ReportForContractor, serviceCode: string): URLSearchParams {
  const fields = new URLSearchParams();
  fields.set('service_code', serviceCode);
  fields.set('lat', String(report.lat));
  fields.set('long', String(report.lon));
  fields.set('description', describedAs(report));
  if (report.locationDescription) fields.set('address_string', report.locationDescription);
  const { name, email, phone } = report.reporter;
  if (email) fields.set('email', email);
  if (phone) fields.set('phone', phone);
  if (name) {
    const { first, last } = splitName(name);
    if (first) fields.set('first_name', first);
    if (last) fields.set('last_name', last);
  }
  const photo = report.photoUrls?.[0];
  if (photo) fields.set('media_url', photo);
  fields.set('attribute[council_reference]', report.reference);
  if (report.assetId) fields.set('attribute[asset_id]', report.assetId);
  if (report.usrn) fields.set('attribute[usrn]', report.usrn);
  for (const [code, value] of Object.entries(report.answers)) {
    if (!/^[\w-]{1,100}$/.test(code) || code === 'council_reference') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isSimple(item)) fields.append(`attribute[${code}][]`, String(item));
    } else if (isSimple(value)) {
      fields.set(`attribute[${code}]`, String(value));
    }
  }
  return fields;
}

/** Open311 wants a given and a family name; people give one name. The last word is the family name. */
export function splitName(name: string): { first: string; last: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { first: words[0] ?? '', last: '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) ?? '' };
}

function isSimple(value: unknown): value is string | number | boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';
}
