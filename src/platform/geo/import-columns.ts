import { gridToLonLat, onNationalGrid } from './bng.ts';
import { normalisePostcode } from './gazetteer.ts';

/**
 * The columns `lastmile import gazetteer` reads (see docs/gazetteer-import.md). Header names are
 * matched ignoring case, spaces and hyphens; other columns are ignored.
 *
 * - UPRN (required), USRN (optional)
 * - POSTCODE or POSTCODE_LOCATOR
 * - LATITUDE and LONGITUDE (WGS84/ETRS89), or X_COORDINATE and Y_COORDINATE (British National Grid,
 *   EPSG:27700; EASTING and NORTHING also accepted). A row with both uses latitude and longitude.
 * - The address, either as ADDRESS_LINE_1 (required), ADDRESS_LINE_2, ADDRESS_LINE_3, or in
 *   AddressBase's parts: SAO_TEXT, SAO_START_NUMBER, SAO_START_SUFFIX, SAO_END_NUMBER, SAO_END_SUFFIX,
 *   PAO_TEXT, PAO_START_NUMBER, PAO_START_SUFFIX, PAO_END_NUMBER, PAO_END_SUFFIX, STREET_DESCRIPTION.
 * - LOCALITY (optional), TOWN_NAME or POST_TOWN (required).
 * - STREET_DESCRIPTION and USRN together also name the row's street.
 */
const ALIASES = {
  uprn: ['UPRN'],
  usrn: ['USRN'],
  postcode: ['POSTCODE', 'POSTCODE_LOCATOR'],
  latitude: ['LATITUDE'],
  longitude: ['LONGITUDE'],
  easting: ['X_COORDINATE', 'EASTING'],
  northing: ['Y_COORDINATE', 'NORTHING'],
  line1: ['ADDRESS_LINE_1'],
  line2: ['ADDRESS_LINE_2'],
  line3: ['ADDRESS_LINE_3'],
  saoText: ['SAO_TEXT'],
  saoStartNumber: ['SAO_START_NUMBER'],
  saoStartSuffix: ['SAO_START_SUFFIX'],
  saoEndNumber: ['SAO_END_NUMBER'],
  saoEndSuffix: ['SAO_END_SUFFIX'],
  paoText: ['PAO_TEXT'],
  paoStartNumber: ['PAO_START_NUMBER'],
  paoStartSuffix: ['PAO_START_SUFFIX'],
  paoEndNumber: ['PAO_END_NUMBER'],
  paoEndSuffix: ['PAO_END_SUFFIX'],
  street: ['STREET_DESCRIPTION'],
  locality: ['LOCALITY'],
  town: ['TOWN_NAME', 'POST_TOWN'],
} as const;

type Column = keyof typeof ALIASES;
export type ColumnIndex = Partial<Record<Column, number>>;

/** Great Britain and its islands, generously: a point outside this box is a mistake, not an address. */
const GREAT_BRITAIN = { minLat: 49.8, maxLat: 60.9, minLon: -8.7, maxLon: 1.8 };

export class GazetteerFileError extends Error {}

/** Finds the columns in the header row, or says which are missing. */
export function readHeader(header: string[]): ColumnIndex {
  const positions = new Map(header.map((name, i) => [name.trim().toUpperCase().replace(/[\s-]+/g, '_'), i]));
  const index: ColumnIndex = {};
  for (const [column, names] of Object.entries(ALIASES)) {
    const position = names.map((n) => positions.get(n)).find((p) => p !== undefined);
    if (position !== undefined && isColumn(column)) index[column] = position;
  }
  const missing: string[] = [];
  if (index.uprn === undefined) missing.push('UPRN');
  if (index.postcode === undefined) missing.push('POSTCODE (or POSTCODE_LOCATOR)');
  const hasLatLon = index.latitude !== undefined && index.longitude !== undefined;
  const hasGrid = index.easting !== undefined && index.northing !== undefined;
  if (!hasLatLon && !hasGrid) missing.push('LATITUDE and LONGITUDE (or X_COORDINATE and Y_COORDINATE)');
  if (index.line1 === undefined && index.street === undefined) missing.push('ADDRESS_LINE_1 (or STREET_DESCRIPTION with PAO_ and SAO_ columns)');
  if (index.town === undefined) missing.push('TOWN_NAME (or POST_TOWN)');
  if (missing.length > 0) {
    throw new GazetteerFileError(`The file's header is missing these columns: ${missing.join('; ')}. See docs/gazetteer-import.md.`);
  }
  return index;
}

function isColumn(name: string): name is Column {
  return name in ALIASES;
}

export interface ImportedAddress {
  uprn: number;
  usrn: number | null;
  lines: string[];
  town: string;
  postcode: string;
  lon: number;
  lat: number;
  /** The street the row names, when it has a USRN and a street description. */
  street: { name: string; locality: string | null } | null;
}

export type RowResult = { ok: true; address: ImportedAddress } | { ok: false; uprn: string; problems: string[] };

/** Checks one row and turns it into an address, or lists everything wrong with it. */
export function readRow(index: ColumnIndex, record: string[]): RowResult {
  const get = (column: Column): string => {
    const position = index[column];
    return position === undefined ? '' : (record[position] ?? '').trim();
  };
  const problems: string[] = [];
  const uprn = get('uprn');
  if (!uprn) problems.push('UPRN is missing');
  else if (!/^\d{1,12}$/.test(uprn) || Number(uprn) === 0) problems.push('UPRN is not a number');
  const usrn = get('usrn');
  if (usrn && !/^\d{1,8}$/.test(usrn)) problems.push('USRN is not a number');
  const rawPostcode = get('postcode');
  const postcode = normalisePostcode(rawPostcode);
  if (!rawPostcode) problems.push('Postcode is missing');
  else if (!postcode) problems.push('Postcode is not a valid UK postcode');
  const position = readPosition(get);
  if (typeof position === 'string') problems.push(position);
  const town = tidy(get('town'));
  const locality = tidy(get('locality'));
  const streetName = tidy(get('street'));
  const lines = index.line1 !== undefined ? [get('line1'), get('line2'), get('line3')].map(tidy).filter(Boolean) : addressBaseLines(get, streetName);
  if (index.line1 !== undefined && !get('line1')) problems.push('Address line 1 is missing');
  if (index.line1 === undefined && !streetName) problems.push('Street description is missing');
  if (index.line1 === undefined && !get('paoText') && !get('paoStartNumber')) problems.push('Building name or number (PAO_TEXT or PAO_START_NUMBER) is missing');
  if (!town) problems.push('Town is missing');
  if (index.line1 === undefined && locality && locality !== town && lines.length > 0) lines.push(locality);

  if (problems.length > 0 || !postcode || typeof position === 'string') return { ok: false, uprn, problems };
  return {
    ok: true,
    address: {
      uprn: Number(uprn),
      usrn: usrn ? Number(usrn) : null,
      lines: fitThreeLines(lines),
      town,
      postcode,
      lon: position[0],
      lat: position[1],
      street: usrn && streetName ? { name: streetName, locality: locality || null } : null,
    },
  };
}

/** [lon, lat] from whichever pair the row fills in, or what is wrong with them. */
function readPosition(get: (column: Column) => string): [number, number] | string {
  const lat = get('latitude');
  const lon = get('longitude');
  if (lat && lon) {
    const [y, x] = [Number(lat), Number(lon)];
    if (!Number.isFinite(y) || !Number.isFinite(x)) return 'Coordinates are not numbers';
    const inside = y >= GREAT_BRITAIN.minLat && y <= GREAT_BRITAIN.maxLat && x >= GREAT_BRITAIN.minLon && x <= GREAT_BRITAIN.maxLon;
    return inside ? [x, y] : 'Coordinates are outside Great Britain';
  }
  const easting = get('easting');
  const northing = get('northing');
  if (easting && northing) {
    const [e, n] = [Number(easting), Number(northing)];
    if (!Number.isFinite(e) || !Number.isFinite(n)) return 'Coordinates are not numbers';
    return onNationalGrid(e, n) ? gridToLonLat(e, n) : 'Coordinates are outside Great Britain';
  }
  return 'Coordinates are missing';
}

/** BS 7666 parts as lines: "Flat 2", "Rose Court", "12 Acre Lane". */
function addressBaseLines(get: (column: Column) => string, street: string): string[] {
  const sao = [tidy(get('saoText')), numberRange(get('saoStartNumber'), get('saoStartSuffix'), get('saoEndNumber'), get('saoEndSuffix'))].filter(Boolean).join(' ');
  const paoText = tidy(get('paoText'));
  const paoNumber = numberRange(get('paoStartNumber'), get('paoStartSuffix'), get('paoEndNumber'), get('paoEndSuffix'));
  const streetLine = [paoNumber, street].filter(Boolean).join(' ');
  return [sao, paoText, streetLine].filter(Boolean);
}

function numberRange(start: string, startSuffix: string, end: string, endSuffix: string): string {
  if (!start) return '';
  const first = `${start}${startSuffix.toUpperCase()}`;
  return end ? `${first}-${end}${endSuffix.toUpperCase()}` : first;
}

/** Addresses keep at most three lines before the town: extra leading lines join the first. */
function fitThreeLines(lines: string[]): string[] {
  const fitted = [...lines];
  while (fitted.length > 3) {
    const [first = '', second = '', ...rest] = fitted;
    fitted.splice(0, fitted.length, `${first}, ${second}`, ...rest);
  }
  return fitted;
}

/** Joining words that stay lower case inside a hyphenated name: "Ashton-under-Lyne", "Stoke-on-Trent". */
const JOINING_WORDS = new Set(['on', 'upon', 'under', 'in', 'le', 'by', 'the', 'de']);

/** Collapses spaces, and turns AddressBase's capitals into "Heaton Moor Road", "St. Mary's Close", "12A". */
export function tidy(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (/[a-z]/.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s\-(/.]|'(?=\w\w))(\p{L})/gu, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`)
    .replace(/-(\p{L}+)-/gu, (whole: string, word: string) => (JOINING_WORDS.has(word.toLowerCase()) ? `-${word.toLowerCase()}-` : whole))
    .replace(/\b(\d+)(\p{L})\b/gu, (_, digits: string, letter: string) => `${digits}${letter.toUpperCase()}`);
}
