import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import { normalisePostcode } from '../../../platform/geo/gazetteer.ts';
import type { FieldError } from '../../../platform/http/forms.ts';
import { ReportRejected, type LocateResult } from '../contracts.ts';
import type { ReportCategory } from '../categories/catalogue.ts';
import type { ReportsCore } from '../core.ts';
import type { DraftPlace } from './draft.ts';

const MAX_SPOT = 1000;

/** What the "where" page posts: an asset's number, a search result chosen, or a map's pin. */
export interface WhereForm {
  assetId: string;
  place: string;
  lon: string;
  lat: string;
  locationDescription: string;
}

export interface SearchResult {
  value: string;
  text: string;
}

export type Located = { ok: true; place: DraftPlace; result: LocateResult } | { ok: false; errors: FieldError[] };

/** Streets, or addresses for a postcode, matching what the resident typed: the non-map way to say where. */
export async function searchPlaces(gazetteer: Gazetteer, query: string): Promise<SearchResult[]> {
  const postcode = normalisePostcode(query);
  if (postcode) {
    const addresses = await gazetteer.findByPostcode(postcode);
    return addresses.map((a) => ({ value: `address:${a.uprn}`, text: a.label }));
  }
  if (query.trim().length < 2) return [];
  const streets = await gazetteer.searchStreets(query.trim(), 20);
  return streets.map((s) => ({ value: `street:${s.usrn}`, text: [s.name, s.locality ?? s.town].filter(Boolean).join(', ') }));
}

/** Turns the posted "where" into a point the core has located, or the page's errors. */
export async function locateFrom(core: ReportsCore, gazetteer: Gazetteer, category: ReportCategory, form: WhereForm): Promise<Located> {
  const errors: FieldError[] = [];
  const spot = form.locationDescription.trim();
  if (spot.length > MAX_SPOT) errors.push({ href: '#locationDescription', text: `Where the problem is must be ${MAX_SPOT.toLocaleString('en-GB')} characters or less` });
  const point = await pointFrom(gazetteer, category, form, spot, errors);
  if (errors.length || !point) return { ok: false, errors };
  try {
    const result = await core.pipeline.locate(category.code, point.lon, point.lat, point.assetId);
    const where = result.street?.name ?? point.label;
    const label = [point.assetId, where, result.ward?.name].filter(Boolean).join(', ');
    return { ok: true, result, place: { lon: point.lon, lat: point.lat, ...(point.assetId ? { assetId: point.assetId } : {}), ...(spot ? { locationDescription: spot } : {}), label } };
  } catch (error) {
    if (!(error instanceof ReportRejected)) throw error;
    return { ok: false, errors: [{ href: error.field === 'asset' ? '#assetId' : '#search', text: error.message }] };
  }
}

async function pointFrom(gazetteer: Gazetteer, category: ReportCategory, form: WhereForm, spot: string, errors: FieldError[]): Promise<{ lon: number; lat: number; assetId?: string; label: string } | undefined> {
  const assetId = category.assetLayer ? form.assetId.trim() : '';
  if (assetId) return { lon: 0, lat: 0, assetId, label: assetId };
  // A map's pin: the script fills these in; the core checks the range and the borough.
  if (form.lon.trim() || form.lat.trim()) {
    const lon = Number(form.lon);
    const lat = Number(form.lat);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      errors.push({ href: '#search', text: 'The location must have a latitude between -90 and 90 and a longitude between -180 and 180' });
      return undefined;
    }
    return { lon, lat, label: 'The place marked on the map' };
  }
  const chosen = await chosenPlace(gazetteer, form.place);
  if (!chosen) {
    const asset = category.assetLayer === 'streetlights' ? 'the number on the lamp post' : category.assetLayer === 'gullies' ? 'the number on the drain' : undefined;
    errors.push({ href: '#search', text: asset ? `Enter ${asset}, or search for a street or postcode and choose from the results` : 'Search for a street or postcode and choose from the results' });
    return undefined;
  }
  if (!spot) {
    errors.push({ href: '#locationDescription', text: 'Describe where the problem is, like “outside number 12”' });
    return undefined;
  }
  return chosen;
}

async function chosenPlace(gazetteer: Gazetteer, value: string): Promise<{ lon: number; lat: number; label: string } | undefined> {
  const [kind, id] = value.split(':');
  if (!id) return undefined;
  if (kind === 'street') {
    const street = await gazetteer.street(id);
    return street ? { lon: street.lon, lat: street.lat, label: street.name } : undefined;
  }
  if (kind === 'address') {
    const address = await gazetteer.address(id);
    return address ? { lon: address.lon, lat: address.lat, label: address.label } : undefined;
  }
  return undefined;
}
