import { sql } from 'kysely';
import type { AccountCardProvider, PersonalDataProvider } from '../../platform/identity/personal-data.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ReportRecords } from './records.ts';
import { STATE_LABELS, isOpen } from './states.ts';
import { reportsDb } from './tables.ts';

const SHOWN = 3;

/** "Your reports" on My Account: the latest few, with their status, and how many are still open. */
export function yourReportsCard(db: Db, records: ReportRecords): AccountCardProvider {
  return {
    id: 'your-reports',
    async card(userId) {
      const mine = await records.ofUser(userId, 50);
      if (mine.length === 0) return { title: 'Your reports', items: [], emptyText: 'You have not reported a problem', link: { href: '/reports', text: 'Report a problem' } };
      const names = new Map((await reportsDb(db).selectFrom('report_categories').select(['code', 'name']).execute()).map((c) => [c.code, c.name]));
      const open = mine.filter((r) => isOpen(r.state)).length;
      const latest = mine.slice(0, SHOWN).map((r) => ({
        text: `${names.get(r.categoryCode) ?? 'Problem'} reported ${r.createdAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })} (${r.reference})`,
        href: `/reports/${r.reference}`,
        status: STATE_LABELS[r.state],
      }));
      const summary = { text: open === 1 ? '1 report is still open' : `${open} reports are still open` };
      return { title: 'Your reports', items: [summary, ...latest], link: { href: '/account/reports', text: 'See all your reports' } };
    },
  };
}

/**
 * The reports module's share of "download my data" and "delete my account". Reports are about the
 * street, not the person, so deleting an account detaches them (name and contact details removed,
 * the report kept); subscriptions are deleted.
 */
export function reportsPersonalData(db: Db): PersonalDataProvider {
  return {
    id: 'reports',
    async export(userId) {
      const tables = reportsDb(db);
      const user = await tables.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      if (!user) return null;
      const reports = await tables
        .selectFrom('reports')
        .innerJoin('report_categories as c', 'c.code', 'reports.category_code')
        .select(['reports.id', 'reports.reference', 'c.name as category', 'reports.state', 'reports.description', 'reports.location_description', 'reports.answers', 'reports.lon', 'reports.lat', 'reports.reporter_name', 'reports.reporter_email', 'reports.reporter_phone', 'reports.show_name', 'reports.created_at', 'reports.fixed_at', 'reports.closed_at'])
        .where((eb) => eb.or([eb('reports.reporter_user_id', '=', userId), eb(sql<string>`lower(reports.reporter_email)`, '=', user.email.toLowerCase())]))
        .orderBy('reports.created_at')
        .execute();
      const updates = reports.length
        ? await tables.selectFrom('report_updates').select(['report_id', 'to_state', 'text', 'created_at']).where('report_id', 'in', reports.map((r) => r.id)).where('visibility', '=', 'public').orderBy('created_at').execute()
        : [];
      const subscriptions = await tables
        .selectFrom('report_subscriptions as s')
        .innerJoin('reports as r', 'r.id', 's.report_id')
        .select(['r.reference', 's.email', 's.phone', 's.created_at'])
        .where((eb) => eb.or([eb('s.user_id', '=', userId), eb(sql<string>`lower(s.email)`, '=', user.email.toLowerCase())]))
        .orderBy('s.created_at')
        .execute();
      return {
        reportsYouMade: reports.map((r) => ({
          reference: r.reference,
          category: r.category,
          status: STATE_LABELS[r.state],
          description: r.description,
          whereYouSaid: r.location_description,
          answers: r.answers,
          location: { longitude: r.lon, latitude: r.lat },
          yourName: r.reporter_name,
          yourEmail: r.reporter_email,
          yourPhone: r.reporter_phone,
          nameShownPublicly: r.show_name,
          made: r.created_at,
          fixed: r.fixed_at,
          closed: r.closed_at,
          updates: updates.filter((u) => u.report_id === r.id).map((u) => ({ at: u.created_at, status: u.to_state ? STATE_LABELS[u.to_state] : null, text: u.text })),
        })),
        reportsYouFollow: subscriptions.map((s) => ({ reference: s.reference, email: s.email, phone: s.phone, since: s.created_at })),
      };
    },
    async erase(userId, trx) {
      const tables = reportsDb(trx);
      const user = await tables.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      if (!user) return;
      const email = user.email.toLowerCase();
      await tables
        .updateTable('reports')
        .set({ reporter_user_id: null, reporter_name: null, reporter_email: null, reporter_phone: null, show_name: false, updated_at: new Date() })
        .where((eb) => eb.or([eb('reporter_user_id', '=', userId), eb(sql<string>`lower(reporter_email)`, '=', email)]))
        .execute();
      await tables
        .deleteFrom('report_subscriptions')
        .where((eb) => eb.or([eb('user_id', '=', userId), eb(sql<string>`lower(email)`, '=', email)]))
        .execute();
    },
    retained: [
      'Problems you reported, such as potholes and broken streetlights, stay on our records and the public map without your name or contact details, because they are about the street, not about you. What you wrote about the problem stays with the report.',
    ],
  };
}
