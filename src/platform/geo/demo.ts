import type { Services } from '../services.ts';
import type { Area, Geography } from './geography.ts';
import { SeededRandom } from './prng.ts';
import { distanceMetres, lineLengthMetres, midpointAndReach, offsetMetres, pointAlong, type LonLat } from './distance.ts';
import { saveAddresses, saveStreets, type AddressRecord, type StreetRecord } from './store.ts';
import {
  HOUSE_NAMES,
  MOTORWAY_WARDS,
  PRIVATE_SUFFIXES,
  STREET_SUFFIXES,
  STREET_WORDS,
  WARD_LOCALITIES,
  type Locality,
} from './demo-places.ts';

export interface DemoGazetteer {
  streets: StreetRecord[];
  addresses: AddressRecord[];
}

export const DEMO_SEED = 20_260_401;
const DEMO_TOWN = 'Stockport';
/** Demo identifiers start from round numbers of their own, easy to recognise (the demo never shares a database with a real gazetteer). */
const FIRST_DEMO_USRN = 99_000_001;
const FIRST_DEMO_UPRN = 990_000_000_001;
const STREETS_PER_WARD = 19;
/** Houses stand this far either side of the street's centre line. */
const SETBACK_METRES = 14;
/** The letters Royal Mail uses at the end of a postcode (never C, I, K, M, O or V). */
const UNIT_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

type Progress = (label: string, done: number, total: number) => void;

/** Loads the demo borough's addresses and streets once; a gazetteer already there (demo or imported) is left alone. */
export async function seedDemoGazetteer(services: Services, progress: Progress): Promise<void> {
  const existing = await services.db.selectFrom('gazetteer_addresses').select('uprn').limit(1).executeTakeFirst();
  if (existing) return;
  const { streets, addresses } = generateDemoGazetteer(services.geography);
  await services.db.transaction().execute(async (tx) => {
    await saveStreets(tx, streets, 'demo', (done) => progress('Demo streets', done, streets.length));
    await saveAddresses(tx, addresses, 'demo', (done) => progress('Demo addresses', done, addresses.length));
  });
}

/**
 * A plausible, made-up gazetteer inside the real wards: streets with a few bends, houses numbered
 * odd on one side and even on the other, a few named houses and blocks of flats, and postcodes
 * shared by runs of neighbouring addresses. The same seed always gives the same borough.
 */
export function generateDemoGazetteer(geography: Geography, seed = DEMO_SEED): DemoGazetteer {
  const random = new SeededRandom(seed);
  const names = new StreetNames(random);
  const postcodes = new PostcodeUnits(random);
  const streets: StreetRecord[] = [];
  const addresses: AddressRecord[] = [];
  let usrn = FIRST_DEMO_USRN;
  let uprn = FIRST_DEMO_UPRN;

  const wards = geography.wards().sort((a, b) => a.code.localeCompare(b.code));
  for (const [wardIndex, ward] of wards.entries()) {
    // A ward without a list (new boundaries) still gets addresses, named after the ward.
    const fallback: Locality = { name: ward.name, district: 'SK1', sectors: [1] };
    const localities = WARD_LOCALITIES[ward.name] ?? [fallback];
    const layout = new WardLayout(geography, ward, random);
    if (MOTORWAY_WARDS.includes(ward.name)) {
      const line = layout.street({ minLength: 700, maxLength: 1300, eastWest: true });
      if (line) streets.push(streetRecord(usrn++, 'M60', (localities[0] ?? fallback).name, ward, 'national_highways', line));
    }
    for (let i = 0; i < STREETS_PER_WARD; i++) {
      const locality = localities[i % localities.length] ?? fallback;
      // A few unadopted roads, spread across the borough.
      const isPrivate = i === 7 && wardIndex % 3 === 0;
      const line = layout.street({ minLength: 120, maxLength: 450, eastWest: false });
      if (!line) continue;
      const street = streetRecord(usrn++, names.next(isPrivate), locality.name, ward, isPrivate ? 'private' : 'council', line);
      streets.push(street);
      for (const house of houses(geography, ward, street, line, locality, random, postcodes)) addresses.push({ ...house, uprn: uprn++ });
    }
  }
  return { streets, addresses };
}

function streetRecord(
  usrn: number,
  name: string,
  locality: string,
  ward: Area,
  responsibility: StreetRecord['responsibility'],
  line: LonLat[],
): StreetRecord {
  const { mid, reachMetres } = midpointAndReach(line);
  return {
    usrn,
    name,
    locality,
    town: DEMO_TOWN,
    wardCode: ward.code,
    responsibility,
    geometry: line,
    lon: round(mid[0]),
    lat: round(mid[1]),
    reachMetres: Math.round(reachMetres * 10) / 10,
  };
}

/** Lays streets out inside one ward, keeping their middles apart so they do not pile up. */
class WardLayout {
  private readonly middles: LonLat[] = [];
  private readonly bounds: [number, number, number, number];

  constructor(
    private readonly geography: Geography,
    private readonly ward: Area,
    private readonly random: SeededRandom,
  ) {
    const bounds = geography.wardBounds(ward.code);
    if (!bounds) throw new Error(`No boundary for ward ${ward.code}`);
    this.bounds = bounds;
  }

  street(opts: { minLength: number; maxLength: number; eastWest: boolean }): LonLat[] | null {
    for (let attempt = 0; attempt < 80; attempt++) {
      const start = this.pointInWard();
      // Long roads that will not fit are tried shorter.
      const length = this.random.between(opts.minLength, opts.maxLength) * (attempt < 40 ? 1 : 0.6);
      const heading = opts.eastWest ? this.random.between(-0.35, 0.35) : this.random.between(0, 2 * Math.PI);
      const bend = this.random.between(-0.35, 0.35);
      const mid = offsetMetres(start, (Math.cos(heading) * length) / 2, (Math.sin(heading) * length) / 2);
      const end = offsetMetres(mid, (Math.cos(heading + bend) * length) / 2, (Math.sin(heading + bend) * length) / 2);
      const line: LonLat[] = [start, mid, end].map(([lon, lat]) => [round(lon), round(lat)]);
      // Late attempts stop insisting on spacing, so a crowded ward still gets its streets.
      const spacing = attempt < 50 ? 150 : 0;
      if (this.middles.some((m) => distanceMetres(m, mid) < spacing)) continue;
      if (!this.lineInWard(line)) continue;
      this.middles.push(mid);
      return line;
    }
    return null;
  }

  contains([lon, lat]: LonLat): boolean {
    return this.geography.wardContains(this.ward.code, lon, lat);
  }

  private pointInWard(): LonLat {
    const [minLon, minLat, maxLon, maxLat] = this.bounds;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const point: LonLat = [this.random.between(minLon, maxLon), this.random.between(minLat, maxLat)];
      if (this.contains(point)) return point;
    }
    throw new Error(`Ward ${this.ward.code} has no room for a street`);
  }

  /** Every vertex, and a point every 20 m, lies in the ward (houses beside it are checked one by one). */
  private lineInWard(line: LonLat[]): boolean {
    if (!line.every((vertex) => this.contains(vertex))) return false;
    const length = lineLengthMetres(line);
    for (let metres = 20; metres < length; metres += 20) {
      if (!this.contains(pointAlong(line, metres))) return false;
    }
    return true;
  }
}

type House = Omit<AddressRecord, 'uprn'>;

function* houses(
  geography: Geography,
  ward: Area,
  street: StreetRecord,
  line: LonLat[],
  locality: Locality,
  random: SeededRandom,
  postcodes: PostcodeUnits,
): Generator<House> {
  const count = random.int(6, 21);
  const perSide = Math.ceil(count / 2);
  const length = lineLengthMetres(line);
  let postcode = '';
  let leftInPostcode = 0;
  for (let n = 1; n <= count; n++) {
    const side = n % 2 === 1 ? 1 : -1;
    const along = ((Math.floor((n - 1) / 2) + 0.5) / perSide) * length;
    const spot = beside(line, along, side * SETBACK_METRES);
    const lon = round(spot[0]);
    const lat = round(spot[1]);
    if (!geography.wardContains(ward.code, lon, lat)) continue;
    const homes = homesAt(n, street.name, random);
    for (const lines of homes) {
      if (leftInPostcode === 0) {
        postcode = postcodes.next(locality);
        leftInPostcode = random.int(10, 30);
      }
      leftInPostcode--;
      yield {
        usrn: street.usrn,
        line1: lines[0],
        line2: lines[1] ?? locality.name,
        line3: lines[1] === undefined ? null : locality.name,
        town: DEMO_TOWN,
        postcode,
        lon,
        lat,
        wardCode: ward.code,
        lsoaCode: geography.lsoaAt(lon, lat)?.code ?? null,
      };
    }
  }
}

/** The address lines before the locality for the homes at number `n`: usually one house, sometimes a name or a block of flats. */
function homesAt(n: number, streetName: string, random: SeededRandom): [string, string?][] {
  const roll = random.next();
  if (roll < 0.03) return [[random.pick(HOUSE_NAMES), streetName]];
  if (roll < 0.05) {
    const flats = random.int(3, 6);
    return Array.from({ length: flats }, (_, i): [string, string] => [`Flat ${i + 1}`, `${n} ${streetName}`]);
  }
  return [[`${n} ${streetName}`]];
}

/** The point `along` metres down the line, moved `metres` to its left (negative: right). */
function beside(line: LonLat[], along: number, metres: number): LonLat {
  const here = pointAlong(line, along);
  const ahead = pointAlong(line, along + 1);
  const behind = pointAlong(line, along - 1);
  const east = (ahead[0] - behind[0]) * Math.cos((here[1] * Math.PI) / 180);
  const north = ahead[1] - behind[1];
  const size = Math.hypot(east, north) || 1;
  return offsetMetres(here, (-north / size) * metres, (east / size) * metres);
}

class StreetNames {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(isPrivate: boolean): string {
    for (;;) {
      const name = `${this.random.pick(STREET_WORDS)} ${this.random.pick(isPrivate ? PRIVATE_SUFFIXES : STREET_SUFFIXES)}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return name;
    }
  }
}

class PostcodeUnits {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(locality: Locality): string {
    for (;;) {
      const sector = this.random.pick(locality.sectors);
      const unit = `${this.random.pick(UNIT_LETTERS)}${this.random.pick(UNIT_LETTERS)}`;
      const postcode = `${locality.district} ${sector}${unit}`;
      if (this.used.has(postcode)) continue;
      this.used.add(postcode);
      return postcode;
    }
  }
}

/** Six decimal places of a degree is about 10 cm: plenty, and keeps the JSON small. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
