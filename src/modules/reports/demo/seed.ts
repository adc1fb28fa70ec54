import type { Services } from '../../../platform/services.ts';
import { formsEngine } from '../../forms/index.ts';
import type { ReportState } from '../contracts.ts';
import { Categories } from '../categories/catalogue.ts';
import { reportsDb } from '../tables.ts';
import { generateDemoAssets, saveAssets } from './assets.ts';
import { DEMO_REPORT_COLUMNS, DEMO_UPDATE_COLUMNS, generateHistory } from './history.ts';
import { insertJsonRows } from './bulk.ts';

type Progress = (label: string, done: number, total: number) => void;

/** Two years of the demo borough's reports: about 6,500 reports and 23,000 updates. */
export const DEMO_DAYS = 730;
const BATCH = 2000;

/**
 * The demo borough's assets and its report history, each seeded once (what is there already is
 * left alone). Runs after the platform seeds the demo gazetteer and staff; needs no job queue.
 */
export async function seedReportsDemo(services: Services, progress: Progress, now = new Date()): Promise<void> {
  const db = reportsDb(services.db);
  const streets = await db.selectFrom('gazetteer_streets').select(['usrn', 'responsibility', 'geometry', 'ward_code']).orderBy('usrn').execute();
  if (!(await db.selectFrom('street_assets').select('id').limit(1).executeTakeFirst())) {
    const assets = generateDemoAssets(streets);
    await services.db.transaction().execute((trx) => saveAssets(trx, assets));
    progress('Demo streetlights and gullies', assets.length, assets.length);
  }
  if (await db.selectFrom('reports').select('id').limit(1).executeTakeFirst()) return;

  const assets = await db.selectFrom('street_assets').select(['id', 'layer', 'lon', 'lat', 'usrn']).orderBy('id').execute();
  const categories = await new Categories(db, () => formsEngine(services).registry).active();
  const templates = await db.selectFrom('report_response_templates').selectAll().execute();
  const templateText = (code: string, state: ReportState) =>
    (templates.find((t) => t.category_code === code && t.state === state) ?? templates.find((t) => t.category_code === null && t.state === state))?.text ?? null;
  const staff = await db.selectFrom('user_roles').select('user_id').where('role', 'in', ['customer_services', 'highways_officer']).orderBy('user_id').execute();
  const history = generateHistory({
    now,
    days: DEMO_DAYS,
    categories,
    streets: streets.filter((s) => s.responsibility === 'council').map((s) => ({ usrn: s.usrn, wardCode: s.ward_code, geometry: s.geometry })),
    assets,
    staffIds: [...new Set(staff.map((s) => s.user_id))],
    templateText,
  });

  await services.db.transaction().execute(async (trx) => {
    for (let i = 0; i < history.reports.length; i += BATCH) {
      await insertJsonRows(trx, 'reports', DEMO_REPORT_COLUMNS, history.reports.slice(i, i + BATCH));
      progress('Demo reports', Math.min(i + BATCH, history.reports.length), history.reports.length);
    }
    for (let i = 0; i < history.updates.length; i += BATCH * 4) {
      await insertJsonRows(trx, 'report_updates', DEMO_UPDATE_COLUMNS, history.updates.slice(i, i + BATCH * 4));
      progress('Demo report updates', Math.min(i + BATCH * 4, history.updates.length), history.updates.length);
    }
    await services.audit.record({ actorId: null, action: 'reports.demo_seeded', details: { reports: history.reports.length, updates: history.updates.length } }, trx);
  });
}
