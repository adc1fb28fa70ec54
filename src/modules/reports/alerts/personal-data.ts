import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PersonalDataProvider } from '../../../platform/identity/personal-data.ts';
import type { ReportAlerts } from './service.ts';
import { alertsDb } from './tables.ts';

/**
 * Email alerts in "download my data" and "delete my account": those made while signed in, and those
 * for the account's email address made without signing in.
 */
export function alertsPersonalData(db: Db, alerts: ReportAlerts): PersonalDataProvider {
  const mine = async (userId: string, executor: Db) => {
    const user = await alertsDb(executor).selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    return user ? { userId, email: user.email.toLowerCase() } : null;
  };
  return {
    id: 'report-alerts',
    async export(userId) {
      const who = await mine(userId, db);
      if (!who) return null;
      const rows = await alertsDb(db)
        .selectFrom('report_alerts')
        .selectAll()
        .where((eb) => eb.or([eb('user_id', '=', who.userId), eb(sql<string>`lower(email)`, '=', who.email)]))
        .orderBy('created_at')
        .execute();
      const emailAlerts = [];
      for (const r of rows) {
        emailAlerts.push({
          email: r.email,
          about: await alerts.describe(r),
          ...(r.lon !== null && r.lat !== null ? { location: { longitude: r.lon, latitude: r.lat } } : {}),
          asked: r.created_at,
          confirmed: r.confirmed_at,
        });
      }
      return { emailAlerts };
    },
    async erase(userId, trx) {
      const who = await mine(userId, trx);
      if (!who) return;
      await alertsDb(trx)
        .deleteFrom('report_alerts')
        .where((eb) => eb.or([eb('user_id', '=', who.userId), eb(sql<string>`lower(email)`, '=', who.email)]))
        .execute();
    },
    retained: [],
  };
}
