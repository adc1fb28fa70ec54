import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Geography } from './geography.ts';

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

/** UK postcode, spaces optional, any case (the GOV.UK pattern for "Enter a real postcode"). */
const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

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
      .where(sql<string>`upper(replace(postcode, ' ', ''))`, '=', normal.replace(' ', ''))
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

  /** The nearest street to a point, within `withinMetres`. */
  async nearestStreet(lon: number, lat: number, withinMetres = 500): Promise<Street | null> {
    const row = await this.streets()
      .where(sql<boolean>`earth_box(ll_to_earth(${lat}, ${lon}), ${withinMetres}) @> ll_to_earth(lat, lon)`)
      .orderBy(sql`earth_distance(ll_to_earth(${lat}, ${lon}), ll_to_earth(lat, lon))`)
      .limit(1)
      .executeTakeFirst();
    return row ? toStreet(row) : null;
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

/** "2 Acre Lane" before "10 Acre Lane". */
function byHouseNumber(a: Address, b: Address): number {
  return a.label.localeCompare(b.label, 'en-GB', { numeric: true });
}
