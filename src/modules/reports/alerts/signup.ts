import { z } from 'zod';
import { normalisePostcode, type Gazetteer } from '../../../platform/geo/gazetteer.ts';
import { text, ticked, type FieldError } from '../../../platform/http/forms.ts';
import type { CurrentUser } from '../../../platform/identity/policy.ts';
import { isEmailAddress } from '../notifications/contacts.ts';
import { ALERT_RADII, type AlertArea, type AlertRequest } from './service.ts';

export const SignUpForm = z.object({ area: text, ward: text, search: text, place: text, lon: text, lat: text, radius: text, categories: ticked, email: text });
export type SignUpValues = z.output<typeof SignUpForm>;

/** Streets matching the search, for the resident to choose from when there is more than one. */
export interface StreetChoice {
  value: string;
  text: string;
}

export type SignUp = { ok: true; request: AlertRequest } | { ok: false; errors: FieldError[]; choices: StreetChoice[] };

interface Places {
  gazetteer: Gazetteer;
  categoryCodes: readonly string[];
}

/** Checks the sign-up form and finds its place; every problem at once, in the order of the page. */
export async function readSignUp(form: SignUpValues, user: CurrentUser | null, places: Places): Promise<SignUp> {
  const errors: FieldError[] = [];
  let choices: StreetChoice[] = [];
  let area: AlertArea | undefined;
  if (form.area === 'ward') {
    const ward = places.gazetteer.geography.ward(form.ward);
    if (ward) area = { kind: 'ward', wardCode: ward.code };
    else errors.push({ href: '#ward', text: 'Select a ward' });
  } else if (form.area === 'near') {
    const radius = ALERT_RADII.find((r) => String(r) === form.radius);
    const found = await placeFrom(form, places.gazetteer);
    if (found.ok && radius) area = { kind: 'near', lon: found.lon, lat: found.lat, label: found.label, radiusMetres: radius };
    if (!found.ok) {
      errors.push(found.error);
      choices = found.choices;
    }
    if (!radius) errors.push({ href: '#radius', text: 'Select how far from the place' });
  } else {
    errors.push({ href: '#area', text: 'Select where you want alerts about' });
  }
  const email = form.email.trim();
  if (!email) errors.push({ href: '#email', text: 'Enter your email address' });
  else if (!isEmailAddress(email)) errors.push({ href: '#email', text: 'Enter an email address in the correct format, like name@example.com' });
  if (errors.length || !area) return { ok: false, errors, choices };
  const categoryCodes = places.categoryCodes.filter((c) => form.categories.includes(c));
  // Signed in with the account's own address: the alert belongs to the account ("delete my account" removes it).
  const userId = user && user.email.toLowerCase() === email.toLowerCase() ? user.id : null;
  return { ok: true, request: { email, area, categoryCodes, userId } };
}

type FoundPlace = { ok: true; lon: number; lat: number; label: string } | { ok: false; error: FieldError; choices: StreetChoice[] };

/** A map's pin, a street chosen from the results, a postcode, or a street search with one answer. */
async function placeFrom(form: SignUpValues, gazetteer: Gazetteer): Promise<FoundPlace> {
  const search = form.search.trim().slice(0, 100);
  if (form.lon.trim() && form.lat.trim()) {
    const lon = Number(form.lon);
    const lat = Number(form.lat);
    if (Number.isFinite(lon) && Number.isFinite(lat) && gazetteer.geography.inBorough(lon, lat)) return { ok: true, lon, lat, label: 'the place you chose on the map' };
    return { ok: false, error: { href: '#search', text: `Choose a place in ${gazetteer.geography.borough.name}` }, choices: [] };
  }
  const [kind, usrn] = form.place.split(':');
  if (kind === 'street' && usrn) {
    const street = await gazetteer.street(usrn);
    if (street) return { ok: true, lon: street.lon, lat: street.lat, label: street.name };
  }
  if (!search) return { ok: false, error: { href: '#search', text: 'Enter a street or postcode' }, choices: [] };
  const noMatch: FoundPlace = { ok: false, error: { href: '#search', text: `No streets or postcodes match “${search}”. Check the spelling, or try a nearby street` }, choices: [] };
  const postcode = normalisePostcode(search);
  if (postcode) {
    const addresses = await gazetteer.findByPostcode(postcode);
    if (!addresses.length) return noMatch;
    // The middle of the postcode's addresses: close enough for an alert measured in hundreds of metres.
    const lon = addresses.reduce((sum, a) => sum + a.lon, 0) / addresses.length;
    const lat = addresses.reduce((sum, a) => sum + a.lat, 0) / addresses.length;
    return { ok: true, lon, lat, label: postcode };
  }
  if (search.length < 2) return noMatch;
  const streets = await gazetteer.searchStreets(search, 20);
  const only = streets.length === 1 ? streets[0] : undefined;
  if (only) return { ok: true, lon: only.lon, lat: only.lat, label: only.name };
  if (!streets.length) return noMatch;
  const choices = streets.map((s) => ({ value: `street:${s.usrn}`, text: [s.name, s.locality ?? s.town].filter(Boolean).join(', ') }));
  return { ok: false, error: { href: '#place', text: 'Select the street you mean' }, choices };
}

