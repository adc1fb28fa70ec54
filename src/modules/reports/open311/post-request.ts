import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { Categories } from '../categories/catalogue.ts';
import { ReportRejected, type NewReport, type ReportPipeline } from '../contracts.ts';
import { MAX_DESCRIPTION } from '../pipeline/input.ts';
import type { ReportRecords } from '../records.ts';
import { readAttributes } from './attributes.ts';
import type { Open311Client } from './clients.ts';
import { badRequest } from './errors.ts';
import type { Open311Object } from './format.ts';
import { text, type Params } from './params.ts';

export interface PostRequestDeps {
  categories: Categories;
  pipeline: ReportPipeline;
  records: ReportRecords;
  gazetteer: Gazetteer;
  /** "Stockport", for "outside Stockport". */
  areaName: string;
}

/**
 * POST requests: the client's parameters become the same NewReport a web form makes, and go
 * through the same pipeline (location, ward, answers, notifications, contractor dispatch).
 * Everything Open311-specific is checked first, so a client hears what was wrong in Open311 terms.
 */
export async function postRequest(deps: PostRequestDeps, client: Open311Client, body: Params): Promise<Open311Object> {
  const serviceCode = text(body, 'service_code');
  if (!serviceCode) throw badRequest('service_code was not provided');
  const category = await deps.categories.get(serviceCode);
  // 400, not the spec's 404: the resource (requests) exists and a parameter is wrong, as mySociety's adapter answers too.
  if (!category || !category.active) throw badRequest(`service_code ${serviceCode.slice(0, 40)} is not a service here: GET services lists them`);

  const problems: string[] = [];
  const description = text(body, 'description') ?? '';
  if (description.length > MAX_DESCRIPTION) problems.push(`description must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or less; it is ${description.length.toLocaleString('en-GB')}`);
  const mediaUrl = text(body, 'media_url');
  if (mediaUrl && !isWebAddress(mediaUrl)) problems.push('media_url must be an http or https address');
  const attributes = readAttributes(category, body);
  problems.push(...attributes.problems);
  const place = await placeOf(deps, body, problems);
  if (problems.length || !place) throw badRequest(problems);

  const first = text(body, 'first_name');
  const last = text(body, 'last_name');
  const report: NewReport = {
    categoryCode: category.code,
    lon: place.lon,
    lat: place.lat,
    assetId: attributes.assetId,
    description,
    locationDescription: text(body, 'address_string'),
    // The client's photo stays where it is; we keep its address and give it back as media_url.
    answers: mediaUrl ? { ...attributes.answers, media_url: mediaUrl } : attributes.answers,
    photoFileIds: [],
    // Open311 has no way to say a name may be published, so it never is.
    reporter: { name: [first, last].filter(Boolean).join(' ') || undefined, email: text(body, 'email'), phone: text(body, 'phone'), showName: false },
    channel: 'open311',
    open311ClientId: client.id,
  };

  const located = await deps.pipeline.locate(report.categoryCode, report.lon, report.lat, report.assetId).catch(rejected);
  if (located.responsibility !== 'council') throw badRequest(located.responsibleMessage ?? `This is not ${deps.areaName}'s to fix`);
  const { id, reference } = await deps.pipeline.submit(report).catch(rejected);
  const stored = await deps.records.find(id);
  const nearby = located.nearby.filter((r) => r.reference !== reference).map((r) => r.reference);
  return {
    service_request_id: reference,
    service_notice: serviceNotice(stored?.dueAt ?? null, nearby),
    // Reports made through Open311 are not linked to a resident's account.
    account_id: null,
  };
}

/** Where the problem is: lat and long, else an address from the gazetteer (address_id is its UPRN), else a street or postcode named in address_string. */
async function placeOf(deps: PostRequestDeps, body: Params, problems: string[]): Promise<{ lon: number; lat: number } | undefined> {
  const lat = text(body, 'lat');
  const long = text(body, 'long');
  if (lat !== undefined || long !== undefined) {
    const latitude = coordinate(lat, 90);
    const longitude = coordinate(long, 180);
    if (latitude === undefined) problems.push('lat must be a number between -90 and 90 (WGS84)');
    if (longitude === undefined) problems.push('long must be a number between -180 and 180 (WGS84)');
    if (latitude === undefined || longitude === undefined) return undefined;
    return inArea(deps, { lon: longitude, lat: latitude }, problems);
  }
  const addressId = text(body, 'address_id');
  if (addressId) {
    const address = /^\d{1,12}$/.test(addressId) ? await deps.gazetteer.address(addressId) : null;
    if (!address) problems.push(`address_id ${addressId.slice(0, 20)} is not a UPRN in ${deps.areaName}`);
    return address ? { lon: address.lon, lat: address.lat } : undefined;
  }
  const addressString = text(body, 'address_string');
  if (!addressString) {
    problems.push('Say where the problem is: send lat and long, address_string or address_id');
    return undefined;
  }
  const found = await findAddress(deps.gazetteer, addressString);
  if (!found) problems.push(`address_string "${addressString.slice(0, 60)}" names no street or postcode we know in ${deps.areaName}; send lat and long instead`);
  return found;
}

function coordinate(value: string | undefined, limit: number): number | undefined {
  if (value === undefined || !/^[-+]?\d+(\.\d+)?$/.test(value)) return undefined;
  const number = Number(value);
  return Math.abs(number) <= limit ? number : undefined;
}

function inArea(deps: PostRequestDeps, point: { lon: number; lat: number }, problems: string[]): { lon: number; lat: number } | undefined {
  if (deps.gazetteer.geography.inBorough(point.lon, point.lat)) return point;
  problems.push(`lat ${point.lat}, long ${point.lon} is outside ${deps.areaName}: report it to the council for that area`);
  return undefined;
}

/** A postcode anywhere in the text finds its first address; otherwise the text before the first comma is tried as a street name. */
async function findAddress(gazetteer: Gazetteer, addressString: string): Promise<{ lon: number; lat: number } | undefined> {
  const postcode = /\b([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i.exec(addressString)?.[1];
  if (postcode) {
    const [address] = await gazetteer.findByPostcode(postcode);
    if (address) return { lon: address.lon, lat: address.lat };
  }
  const streetName = addressString.split(',')[0]?.replace(/^\s*\d+[a-z]?\s+/i, '').trim() ?? '';
  if (streetName.length < 3) return undefined;
  const [street] = await gazetteer.searchStreets(streetName, 1);
  return street ? { lon: street.lon, lat: street.lat } : undefined;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000;
  } catch {
    return false;
  }
}

/** The NewReport fields the pipeline names in its refusals, as the Open311 parameters that carried them. */
const PARAMETERS: Record<string, string> = { asset: 'attribute[asset_id]', locationDescription: 'address_string', name: 'first_name and last_name' };

/** The pipeline's refusals, named by the parameter that was wrong: the client shows them to a person. */
function rejected(error: unknown): never {
  if (error instanceof ReportRejected) throw badRequest(`${PARAMETERS[error.field] ?? error.field}: ${error.message}`);
  throw error;
}

function serviceNotice(dueAt: Date | null, nearby: string[]): string {
  const due = dueAt ? ` We aim to deal with it by ${longDate(dueAt)}.` : '';
  const others = nearby.length ? ` Open reports of the same problem nearby: ${nearby.slice(0, 5).join(', ')}.` : '';
  return `Thank you: the council has the report.${due}${others}`;
}

const dateParts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "Friday 27 November 2026", as GOV.UK writes dates (no comma after the day). */
function longDate(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => dateParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}
