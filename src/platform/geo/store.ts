import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { LonLat } from './distance.ts';

export type Responsibility = 'council' | 'national_highways' | 'private';
export type GazetteerSource = 'demo' | 'import';

export interface StreetRecord {
  usrn: number;
  name: string;
  locality: string | null;
  town: string;
  wardCode: string | null;
  responsibility: Responsibility;
  geometry: LonLat[];
  lon: number;
  lat: number;
  reachMetres: number;
}

export interface AddressRecord {
  uprn: number;
  usrn: number | null;
  line1: string;
  line2: string | null;
  line3: string | null;
  town: string;
  postcode: string;
  lon: number;
  lat: number;
  wardCode: string | null;
  lsoaCode: string | null;
}

/** 1,000 rows of 12 columns stays well under PostgreSQL's 65,535 parameters a statement. */
export const BATCH_SIZE = 1000;

/**
 * Writes streets. An import replaces what an earlier import said about a street, except who
 * maintains it: that is the council's own knowledge, which no address file carries.
 */
export async function saveStreets(db: Executor, streets: StreetRecord[], source: GazetteerSource, onBatch?: (saved: number) => void): Promise<void> {
  for (let i = 0; i < streets.length; i += BATCH_SIZE) {
    const rows = streets.slice(i, i + BATCH_SIZE).map((s) => ({
      usrn: s.usrn,
      name: s.name,
      locality: s.locality,
      town: s.town,
      ward_code: s.wardCode,
      responsibility: s.responsibility,
      geometry: JSON.stringify(s.geometry),
      lon: s.lon,
      lat: s.lat,
      reach_m: s.reachMetres,
      source,
    }));
    await db
      .insertInto('gazetteer_streets')
      .values(rows)
      .onConflict((oc) =>
        oc.column('usrn').doUpdateSet({
          name: sql`excluded.name`,
          locality: sql`excluded.locality`,
          town: sql`excluded.town`,
          ward_code: sql`excluded.ward_code`,
          geometry: sql`excluded.geometry`,
          lon: sql`excluded.lon`,
          lat: sql`excluded.lat`,
          reach_m: sql`excluded.reach_m`,
          source: sql`excluded.source`,
        }),
      )
      .execute();
    onBatch?.(i + rows.length);
  }
}

export async function saveAddresses(
  db: Executor,
  addresses: AddressRecord[],
  source: GazetteerSource,
  onBatch?: (saved: number) => void,
): Promise<void> {
  for (let i = 0; i < addresses.length; i += BATCH_SIZE) {
    const rows = addresses.slice(i, i + BATCH_SIZE).map((a) => ({
      uprn: a.uprn,
      usrn: a.usrn,
      line1: a.line1,
      line2: a.line2,
      line3: a.line3,
      town: a.town,
      postcode: a.postcode,
      lon: a.lon,
      lat: a.lat,
      ward_code: a.wardCode,
      lsoa_code: a.lsoaCode,
      source,
    }));
    await db
      .insertInto('gazetteer_addresses')
      .values(rows)
      .onConflict((oc) =>
        oc.column('uprn').doUpdateSet({
          usrn: sql`excluded.usrn`,
          line1: sql`excluded.line1`,
          line2: sql`excluded.line2`,
          line3: sql`excluded.line3`,
          town: sql`excluded.town`,
          postcode: sql`excluded.postcode`,
          lon: sql`excluded.lon`,
          lat: sql`excluded.lat`,
          ward_code: sql`excluded.ward_code`,
          lsoa_code: sql`excluded.lsoa_code`,
          source: sql`excluded.source`,
        }),
      )
      .execute();
    onBatch?.(i + rows.length);
  }
}
