import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { seedDemoGazetteer } from '../../../src/platform/geo/demo.ts';
import { seedReportsDemo } from '../../../src/modules/reports/demo/seed.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

describe('the demo borough’s two years of reports', () => {
  let t: TestPlatform;
  let seconds = 0;
  const now = new Date('2026-11-20T12:00:00Z');
  before(async () => {
    t = await createTestPlatform();
    await seedDemoGazetteer(t.platform.services, () => undefined);
    const started = performance.now();
    await seedReportsDemo(t.platform.services, () => undefined, now);
    seconds = (performance.now() - started) / 1000;
  });
  after(async () => t.close());

  const db = () => reportsDb(t.platform.services.db);
  const count = async (where: ReturnType<typeof sql>) => Number((await sql<{ n: number }>`select count(*)::int as n from reports where ${where}`.execute(t.platform.services.db)).rows[0]?.n);

  it('seeds thousands of reports quickly enough for a first start', async () => {
    const total = await count(sql`true`);
    assert.ok(total >= 5000 && total <= 10000, `${total} reports`);
    const updates = Number((await sql<{ n: number }>`select count(*)::int as n from report_updates`.execute(t.platform.services.db)).rows[0]?.n);
    assert.ok(updates > total * 2, `${updates} updates`);
    console.log(`# demo seed: ${total} reports, ${updates} updates, assets included, in ${seconds.toFixed(2)} s`);
    assert.ok(seconds < 10, `took ${seconds.toFixed(2)} s`);
  });

  it('has more potholes in December to February than in June to August, and more streetlight faults in the dark months', async () => {
    const inMonths = (category: string, months: number[]) => count(sql`category_code = ${category} and extract(month from created_at at time zone 'Europe/London') = any(${months})`);
    const winterPotholes = await inMonths('pothole', [12, 1, 2]);
    const summerPotholes = await inMonths('pothole', [6, 7, 8]);
    assert.ok(winterPotholes > summerPotholes * 2, `potholes: ${winterPotholes} in winter, ${summerPotholes} in summer`);
    const darkLights = await inMonths('streetlight', [10, 11, 12, 1, 2]);
    const lightLights = await inMonths('streetlight', [4, 5, 6, 7, 8]);
    assert.ok(darkLights > lightLights * 2, `streetlights: ${darkLights} October to February, ${lightLights} April to August`);
  });

  it('spans two years, every ward, and the lives reports lead: fixed, open, closed, duplicates, reopened', async () => {
    const span = await sql<{ first: Date; last: Date; wards: number }>`select min(created_at) as first, max(created_at) as last, count(distinct ward_code)::int as wards from reports`.execute(t.platform.services.db);
    const row = span.rows[0];
    assert.ok(row && now.getTime() - row.first.getTime() > 725 * 24 * 3600 * 1000);
    assert.ok(row && row.last <= now);
    assert.equal(row?.wards, t.platform.services.geography.wards().length);
    const byState = new Map((await sql<{ state: string; n: number }>`select state, count(*)::int as n from reports group by state`.execute(t.platform.services.db)).rows.map((r) => [r.state, r.n]));
    const fixed = byState.get('fixed') ?? 0;
    assert.ok(fixed > 0.7 * [...byState.values()].reduce((a, b) => a + b, 0), 'most are fixed');
    for (const state of ['open', 'closed_duplicate', 'closed_no_further_action', 'closed_not_responsible']) assert.ok((byState.get(state) ?? 0) > 0, `some ${state}`);
    assert.equal(await count(sql`state = 'closed_duplicate' and duplicate_of is null`), 0, 'every duplicate names its original');
    assert.ok((await count(sql`reopened_count > 0`)) > 0, 'some were reopened');
    assert.equal(await count(sql`state = 'fixed' and fixed_at is null`), 0);
    assert.equal(await count(sql`state like 'closed_%' and closed_at is null`), 0);
    assert.equal(await count(sql`state in ('open', 'investigating', 'action_scheduled', 'in_progress') and created_at < ${new Date(now.getTime() - 200 * 24 * 3600 * 1000)}`), 0, 'old reports are not still open');
  });

  it('is seeded once: a second run leaves it alone', async () => {
    const before = await count(sql`true`);
    await seedReportsDemo(t.platform.services, () => undefined, now);
    assert.equal(await count(sql`true`), before);
    assert.ok((await db().selectFrom('street_assets').select('id').limit(1).execute()).length === 1);
  });
});
