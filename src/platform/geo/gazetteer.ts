import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Geography } from './geography.ts';
import { distanceToLineMetres } from './distance.ts';

export interface Address {
  uprn: string;
  usrn: string | null;
  lines: string[];
  town: string;
  postcode: string;
  lon: number;
  lat: number;
  wardCode: string | null;
  /** One line, for lists and summaries: "12 Mersey Road, Heaton Mersey, Stockport, SK4 3DA". */
  label: string;
}

export interface Street {
  usrn: string;
  name: string;
  locality: string | null;
  town: string;
  wardCode: string | null;
  responsibility: 'council' | 'national_highways' | 'private';
  lon: number;
  lat: number;
}

export interface NearbyStreet extends Street {
  /** From the point to the street's line. */
  distanceMetres: number;
}

/** UK postcode, spaces optional, any case (the GOV.UK pattern for "Enter a real postcode"). */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/** Postcodes compare without spaces, as the index on gazetteer_addresses stores them. */
const POSTCODE_KEY = sql<string>`upper(replace(postcode, ' ', ''))`;

function postcodeKey(normal: string): string {
  return normal.replace(' ', '');
}

export function normalisePostcode(input: string): string | null {
  const match = POSTCODE.exec(input.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The gazetteer: addresses (UPRN) and streets (USRN), from the demo generator or an import. */
export class Gazetteer {
  constructor(
    private readonly db: Db,
    readonly geography: Geography,
  ) {}

  async findByPostcode(postcode: string): Promise<Address[]> {
    const normal = normalisePostcode(postcode);
    if (!normal) return [];
    const rows = await this.addresses()
      .where(POSTCODE_KEY, '=', postcodeKey(normal))
      .orderBy('line1')
      .limit(500)
      .execute();
    return rows.map(toAddress).sort(byHouseNumber);
  }

  async address(uprn: string): Promise<Address | null> {
    if (!/^\d{1,12}$/.test(uprn)) return null;
    const row = await this.addresses().where('uprn', '=', Number(uprn)).executeTakeFirst();
    return row ? toAddress(row) : null;
  }

  async searchStreets(query: string, limit = 10): Promise<Street[]> {
    const q = query.trim();
    if (q.length < 2) return [];
    const rows = await this.streets()
      .where((eb) => eb.or([eb('name', 'ilike', `%${q.replace(/[%_\\]/g, '\\$&')}%`), sql<boolean>`name % ${q}`]))
      .orderBy(sql`similarity(name, ${q})`, 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map(toStreet);
  }

  async street(usrn: string): Promise<Street | null> {
    if (!/^\d{1,12}$/.test(usrn)) return null;
    const row = await this.streets().where('usrn', '=', Number(usrn)).executeTakeFirst();
    return row ? toStreet(row) : null;
  }

  /**
   * The street whose line passes nearest the point, within `withinMetres`. Candidates come from the
   * index (a street's middle within the radius plus its reach); the distance is then to the line itself,
   * so a long road beside the point wins over a short street whose middle happens to be closer.
   */
  async nearestStreet(lon: number, lat: number, withinMetres = 500): Promise<NearbyStreet | null> {
    const here = sql`ll_to_earth(${lat}, ${lon})`;
    const rows = await this.streets()
      .select('geometry')
      .where(
        sql<boolean>`earth_box(${here}, ${withinMetres}::float8 + 1 + (select coalesce(max(reach_m), 0) from gazetteer_streets)) @> ll_to_earth(lat, lon)`,
      )
      .where(sql<boolean>`earth_distance(${here}, ll_to_earth(lat, lon)) <= ${withinMetres}::float8 + 1 + reach_m`)
      .orderBy('usrn')
      .execute();
    let best: NearbyStreet | null = null;
    for (const row of rows) {
      const metres = distanceToLineMetres([lon, lat], row.geometry);
      if (metres <= withinMetres && (!best || metres < best.distanceMetres)) best = { ...toStreet(row), distanceMetres: metres };
    }
    return best;
  }

  /** Whether any address with this postcode is in the borough: for "enter a postcode in Stockport" checks. */
  async postcodeInBorough(postcode: string): Promise<boolean> {
    const normal = normalisePostcode(postcode);
    if (!normal) return false;
    const row = await this.db
      .selectFrom('gazetteer_addresses')
      .select('uprn')
      .where(POSTCODE_KEY, '=', postcodeKey(normal))
      .where('ward_code', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async counts(): Promise<{ addresses: number; streets: number }> {
    const a = await this.db.selectFrom('gazetteer_addresses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const s = await this.db.selectFrom('gazetteer_streets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { addresses: Number(a.n), streets: Number(s.n) };
  }

  private addresses() {
    return this.db
      .selectFrom('gazetteer_addresses')
      .select(['uprn', 'usrn', 'line1', 'line2', 'line3', 'town', 'postcode', 'lon', 'lat', 'ward_code']);
  }

  private streets() {
    return this.db
      .selectFrom('gazetteer_streets')
      .select(['usrn', 'name', 'locality', 'town', 'ward_code', 'responsibility', 'lon', 'lat']);
  }
}

interface AddressRow {
  uprn: number;
  usrn: number | null;
  line1: string;
  line2: string | null;
  line3: string | null;
  town: string;
  postcode: string;
  lon: number;
  lat: number;
  ward_code: string | null;
}

function toAddress(row: AddressRow): Address {
  const lines = [row.line1, row.line2, row.line3].filter((l): l is string => Boolean(l));
  return {
    uprn: String(row.uprn),
    usrn: row.usrn === null ? null : String(row.usrn),
    lines,
    town: row.town,
    postcode: row.postcode,
    lon: row.lon,
    lat: row.lat,
    wardCode: row.ward_code,
    label: [...lines, row.town, row.postcode].join(', '),
  };
}

function toStreet(row: {
  usrn: number;
  name: string;
  locality: string | null;
  town: string;
  ward_code: string | null;
  responsibility: Street['responsibility'];
  lon: number;
  lat: number;
}): Street {
  return {
    usrn: String(row.usrn),
    name: row.name,
    locality: row.locality,
    town: row.town,
    wardCode: row.ward_code,
    responsibility: row.responsibility,
    lon: row.lon,
    lat: row.lat,
  };
}

/**
 * In street order: "2 Acre Lane" before "10 Acre Lane", flats under their building's number,
 * named houses after the numbers.
 */
function byHouseNumber(a: Address, b: Address): number {
  return sortKey(a).localeCompare(sortKey(b), 'en-GB', { numeric: true }) || a.label.localeCompare(b.label, 'en-GB', { numeric: true });
}

function sortKey(address: Address): string {
  return address.lines.find((line) => /^\d/.test(line)) ?? address.lines[0] ?? '';
}
