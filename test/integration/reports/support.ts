import { sql } from 'kysely';
import { seedDemoGazetteer } from '../../../src/platform/geo/demo.ts';
import { distanceMetres, pointAlong, lineLengthMetres, offsetMetres, type LonLat } from '../../../src/platform/geo/distance.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { reports, type NewReport, type ReportsCore } from '../../../src/modules/reports/index.ts';
import { generateDemoAssets, saveAssets } from '../../../src/modules/reports/demo/assets.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';

export interface ReportsTest {
  t: TestPlatform;
  core: ReportsCore;
  close(): Promise<void>;
}

/** The real platform on a fresh database with the demo borough's streets and assets, and the job queue started. */
export async function reportsPlatform(env: Record<string, string> = {}): Promise<ReportsTest> {
  const t = await createTestPlatform(env);
  const { services } = t.platform;
  await seedDemoGazetteer(services, () => undefined);
  const streets = await services.db.selectFrom('gazetteer_streets').select(['usrn', 'responsibility', 'geometry']).execute();
  await services.db.transaction().execute((trx) => saveAssets(trx, generateDemoAssets(streets)));
  await services.jobs.start();
  return { t, core: reports(services), close: () => t.close() };
}

export interface StreetPlace {
  usrn: string;
  name: string;
  line: LonLat[];
  /** A point on the street, halfway along. */
  middle: LonLat;
}

/** A street of the demo borough by who maintains it, long enough to walk along. */
export async function streetOf(test: ReportsTest, responsibility: 'council' | 'national_highways' | 'private', nth = 0): Promise<StreetPlace> {
  const rows = await test.t.platform.services.db.selectFrom('gazetteer_streets').select(['usrn', 'name', 'geometry']).where('responsibility', '=', responsibility).orderBy('usrn').execute();
  const long = rows.filter((r) => lineLengthMetres(r.geometry) > 200);
  const row = long[nth] ?? rows[nth];
  if (!row) throw new Error(`no ${responsibility} street`);
  return { usrn: String(row.usrn), name: row.name, line: row.geometry, middle: pointAlong(row.geometry, lineLengthMetres(row.geometry) / 2) };
}

/** A streetlight or gully in the demo register: 'ok' ones unless asked for one in a programme. */
export async function assetOf(test: ReportsTest, layer: 'streetlights' | 'gullies', status: 'ok' | 'in_programme' = 'ok', nth = 0) {
  const rows = await reportsDb(test.t.platform.services.db).selectFrom('street_assets').selectAll().where('layer', '=', layer).where('status', '=', status).orderBy('id').execute();
  const row = rows[nth];
  if (!row) throw new Error(`no ${status} ${layer}`);
  return row;
}

/** A place `metres` east of a point. */
export function east(point: LonLat, metres: number): LonLat {
  return offsetMetres(point, metres, 0);
}

export { distanceMetres };

export const potholeAnswers = { size: 'medium', depth: 'deep', where: 'road' };

/** A pothole report from the web, by someone who is not signed in. */
export function potholeAt(point: LonLat, overrides: Partial<NewReport> = {}): NewReport {
  return {
    categoryCode: 'pothole',
    lon: point[0],
    lat: point[1],
    description: 'A deep pothole in the middle of the lane',
    answers: potholeAnswers,
    photoFileIds: [],
    reporter: { name: 'Ada Lovelace', email: 'ada@example.com', showName: false },
    channel: 'web',
    ...overrides,
  };
}

export function streetlightReport(asset: { id: string; lon: number; lat: number }, overrides: Partial<NewReport> = {}): NewReport {
  return {
    categoryCode: 'streetlight',
    lon: asset.lon,
    lat: asset.lat,
    assetId: asset.id,
    description: 'The light has been out for three nights',
    answers: { fault: 'light_out' },
    photoFileIds: [],
    reporter: { name: 'Grace Hopper', email: 'grace@example.com', showName: true },
    channel: 'web',
    ...overrides,
  };
}

/** Jobs waiting in pg-boss for a report, by name. */
export async function jobsFor(test: ReportsTest, reportId: string): Promise<{ name: string; startAfter: Date; state: string }[]> {
  const rows = await sql<{ name: string; start_after: Date; state: string }>`
    select name, start_after, state from pgboss.job where data->>'reportId' = ${reportId} order by name`.execute(test.t.platform.services.db);
  return rows.rows.map((r) => ({ name: r.name, startAfter: r.start_after, state: r.state }));
}

export async function messagesAbout(test: ReportsTest, reference: string) {
  return test.t.platform.services.db.selectFrom('notify_messages').select(['channel', 'recipient', 'subject', 'body']).where('reference', '=', reference).orderBy('created_at').execute();
}

export async function waitFor<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}
