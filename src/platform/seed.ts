import { sql } from 'kysely';
import type { Services } from './services.ts';
import type { LastmileModule } from './module.ts';
import { seedDemoGazetteer } from './geo/demo.ts';

export type Progress = (label: string, done: number, total: number) => void;

/** Password of the demo staff accounts. Demo seeding is off in production by default. */
export const DEMO_PASSWORD = 'demo-borough-2026';

export const DEMO_STAFF = [
  { email: 'admin@demo.lastmile.test', name: 'Alex Admin', roles: ['admin'] },
  { email: 'advisor@demo.lastmile.test', name: 'Casey Adviser', roles: ['customer_services'] },
  { email: 'highways@demo.lastmile.test', name: 'Hari Highways', roles: ['highways_officer'] },
  { email: 'inspector@demo.lastmile.test', name: 'Iona Inspector', roles: ['inspector'] },
  { email: 'editor@demo.lastmile.test', name: 'Eddie Editor', roles: ['editor', 'publisher'] },
];

/** Seeds the demo borough once: gazetteer, staff accounts, then each module's demo data. */
export async function seedDemo(services: Services, modules: LastmileModule[], progress: Progress, force = false): Promise<boolean> {
  if (!force && (await seeded(services, 'demo'))) return false;
  await seedDemoGazetteer(services, progress);
  for (const [i, staff] of DEMO_STAFF.entries()) {
    if (!(await services.accounts.findByEmail(staff.email))) {
      await services.accounts.createVerifiedUser({ ...staff, password: DEMO_PASSWORD }, { userId: null });
    }
    progress('Demo staff accounts', i + 1, DEMO_STAFF.length);
  }
  for (const m of modules) await m.seedDemo?.(services, progress);
  await sql`insert into lastmile_seeds (name) values ('demo') on conflict (name) do update set applied_at = now()`.execute(services.db);
  return true;
}

async function seeded(services: Services, name: string): Promise<boolean> {
  const row = await sql<{ name: string }>`select name from lastmile_seeds where name = ${name}`.execute(services.db);
  return row.rows.length > 0;
}
