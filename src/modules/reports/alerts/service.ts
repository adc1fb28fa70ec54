import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { Geography } from '../../../platform/geo/geography.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import type { Categories } from '../categories/catalogue.ts';
import { hashToken, looksLikeToken } from '../notifications/tokens.ts';
import { alreadyAlerted, confirmAlert, newReports, type ListedReport } from './messages.ts';
import { alertsDb, type ReportAlertsTable } from './tables.ts';
import { AlertTokens } from './tokens.ts';

export const ALERT_RADII = [250, 500, 1000, 2000] as const;
export type AlertRadius = (typeof ALERT_RADII)[number];
export const ALERT_JOB = 'reports.alerts.send';
/** How long a confirmation link works; unconfirmed alerts are deleted after it. */
export const CONFIRM_WITHIN_DAYS = 7;
/** Reports listed in one email; the rest are counted ("and 12 more"). */
export const MOST_LISTED = 20;
/**
 * A run takes reports made at least this long ago: a report's transaction can commit after one that
 * started later, and a cursor that had already passed it would miss it.
 */
export const SETTLE_MS = 2 * 60_000;
/** Unconfirmed alerts one address may have at once, so the form cannot be used to flood someone's inbox. */
const MOST_UNCONFIRMED = 5;
/**
 * Sign-up emails (confirmation links, "you already get this") one address may be sent in a day, whoever asks:
 * asking again for the same alert sends another email without making another alert, so the cap above alone
 * would not stop the form being used to flood an inbox.
 */
const MOST_SIGN_UP_EMAILS_A_DAY = 10;
/** How the sign-up emails are told apart in the outbox, to count them. */
const SIGN_UP_REFERENCE = 'alert-sign-up-';
/** Points this close are the same place: a street or postcode gives the same point each time, a map pin nearly. */
const SAME_PLACE_METRES = 25;
const DAY_MS = 24 * 3600 * 1000;

export type AlertArea = { kind: 'ward'; wardCode: string } | { kind: 'near'; lon: number; lat: number; radiusMetres: AlertRadius; label: string };

export interface AlertRequest {
  email: string;
  area: AlertArea;
  /** Empty for every kind of problem. */
  categoryCodes: string[];
  userId: string | null;
}

/** What a sign-up did; the person who pressed the button is told the same whichever it was. */
export type SignUpOutcome = 'new' | 'resent' | 'already' | 'limited';

export interface AlertSummary {
  id: string;
  /** "in Bramhall North", "within 500 metres of Acre Lane (Pothole)". */
  about: string;
  confirmed: boolean;
  wardCode: string | null;
}

interface Deps {
  db: Db;
  notify: Notifier;
  audit: AuditLog;
  tokens: AlertTokens;
  geography: Geography;
  gazetteer: Gazetteer;
  categories: Categories;
  baseUrl: string;
  councilName: string;
}

interface MatchedRow {
  alert_id: string;
  reference: string;
  category_code: string;
  usrn: number | null;
  created_at: Date;
  total: number;
  /** The alert's cursor when these were chosen. */
  since: Date;
}

type AlertRow = Selectable<ReportAlertsTable>;

/** Email alerts about new reports: sign-up with double opt-in, the scheduled sending, and unsubscribing. */
export class ReportAlerts {
  constructor(private readonly deps: Deps) {}

  /**
   * Stores the alert unconfirmed and emails its confirmation link. Asking again for an alert the address
   * already has makes no second one: a confirmed one gets a "you already get this" email with its stop
   * link, an unconfirmed one a fresh confirmation link (the old one stops working). Every outcome looks
   * the same to whoever pressed the button, so the form tells nobody what alerts an address has.
   */
  async request(input: AlertRequest, now = new Date()): Promise<{ id: string | null; outcome: SignUpOutcome }> {
    const { db, tokens, notify, audit } = this.deps;
    const area = input.area;
    const about = await this.describe(area.kind === 'ward' ? { ward_code: area.wardCode, radius_metres: null, place_label: null, category_codes: input.categoryCodes } : { ward_code: null, radius_metres: area.radiusMetres, place_label: area.label, category_codes: input.categoryCodes });
    const email = input.email.toLowerCase();
    return db.transaction().execute(async (trx) => {
      const tables = alertsDb(trx);
      // One sign-up per address at a time, so two presses at once cannot both miss the other's row.
      await sql`select pg_advisory_xact_lock(hashtext(${`report-alerts:${email}`}))`.execute(trx);
      const sent = await tables
        .selectFrom('notify_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<string>`lower(recipient)`, '=', email)
        .where('reference', 'like', `${SIGN_UP_REFERENCE}%`)
        .where('created_at', '>', new Date(now.getTime() - DAY_MS))
        .executeTakeFirstOrThrow();
      if (Number(sent.n) >= MOST_SIGN_UP_EMAILS_A_DAY) return { id: null, outcome: 'limited' };
      const same = await this.sameAlert(trx, email, area, input.categoryCodes);
      if (same?.confirmed_at) {
        const message = alreadyAlerted(this.deps.councilName, about, { unsubscribe: this.unsubscribeLink(same.id) });
        await notify.email(trx, { to: input.email, ...message, reference: `${SIGN_UP_REFERENCE}${same.id}` });
        return { id: same.id, outcome: 'already' };
      }
      const confirm = AlertTokens.confirmToken();
      const confirmMessage = confirmAlert(this.deps.councilName, about, { confirm: `${this.deps.baseUrl}/reports/alerts/confirm/${confirm.token}` }, CONFIRM_WITHIN_DAYS);
      if (same) {
        // A new link, working for the full time from now; the old one's hash is gone, so it no longer works.
        await tables
          .updateTable('report_alerts')
          .set((eb) => ({ confirm_token_hash: confirm.hash, created_at: now, user_id: eb.fn.coalesce('user_id', eb.val(input.userId)) }))
          .where('id', '=', same.id)
          .execute();
        await notify.email(trx, { to: input.email, ...confirmMessage, reference: `${SIGN_UP_REFERENCE}${same.id}` });
        await audit.record({ actorId: input.userId, action: 'reports.alert.confirmation-resent', subjectType: 'report_alert', subjectId: same.id }, trx);
        return { id: same.id, outcome: 'resent' };
      }
      const waiting = await tables
        .selectFrom('report_alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<string>`lower(email)`, '=', email)
        .where('confirmed_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(waiting.n) >= MOST_UNCONFIRMED) return { id: null, outcome: 'limited' };
      const id = randomUUID();
      await tables
        .insertInto('report_alerts')
        .values({
          id,
          email: input.email,
          user_id: input.userId,
          ward_code: area.kind === 'ward' ? area.wardCode : null,
          lon: area.kind === 'near' ? area.lon : null,
          lat: area.kind === 'near' ? area.lat : null,
          radius_metres: area.kind === 'near' ? area.radiusMetres : null,
          place_label: area.kind === 'near' ? area.label : null,
          category_codes: input.categoryCodes,
          created_at: now,
          confirm_token_hash: confirm.hash,
          unsubscribe_token_hash: tokens.unsubscribeHash(id),
        })
        .execute();
      await notify.email(trx, { to: input.email, ...confirmMessage, reference: `${SIGN_UP_REFERENCE}${id}` });
      await audit.record({ actorId: input.userId, action: 'reports.alert.requested', subjectType: 'report_alert', subjectId: id, details: { area: area.kind, wardCode: area.kind === 'ward' ? area.wardCode : null } }, trx);
      return { id, outcome: 'new' };
    });
  }

  /**
   * The address's alert for the same ward, or the same distance from (nearly) the same point, and the same
   * kinds of problem in any order; a confirmed one first.
   */
  private async sameAlert(trx: Executor, email: string, area: AlertArea, categoryCodes: string[]): Promise<AlertRow | undefined> {
    const place =
      area.kind === 'ward'
        ? sql<boolean>`ward_code = ${area.wardCode}`
        : sql<boolean>`ward_code is null and radius_metres = ${area.radiusMetres}
            and earth_distance(ll_to_earth(lat, lon), ll_to_earth(${area.lat}::float8, ${area.lon}::float8)) <= ${SAME_PLACE_METRES}`;
    return alertsDb(trx)
      .selectFrom('report_alerts')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email)
      .where(place)
      .where(sql<boolean>`category_codes @> ${categoryCodes}::text[] and category_codes <@ ${categoryCodes}::text[]`)
      .orderBy(sql`confirmed_at is null`)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /**
   * Confirmed alerts of a signed-in person, for My Account: those made while signed in, and those for the
   * account's address once the account has shown it owns the address.
   */
  async ofAccount(userId: string): Promise<{ about: string; everyKind: boolean; stopLink: string }[]> {
    const tables = alertsDb(this.deps.db);
    const user = await tables.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', userId).executeTakeFirst();
    if (!user) return [];
    const rows = await tables
      .selectFrom('report_alerts')
      .selectAll()
      .where('confirmed_at', 'is not', null)
      .where((eb) => (user.email_verified_at ? eb.or([eb('user_id', '=', userId), eb(sql<string>`lower(email)`, '=', user.email.toLowerCase())]) : eb('user_id', '=', userId)))
      .orderBy('confirmed_at')
      .execute();
    const mine = [];
    for (const row of rows) mine.push({ about: await this.describe(row), everyKind: row.category_codes.length === 0, stopLink: `/reports/alerts/unsubscribe/${this.deps.tokens.unsubscribeToken(row.id)}` });
    return mine;
  }

  private unsubscribeLink(alertId: string): string {
    return `${this.deps.baseUrl}/reports/alerts/unsubscribe/${this.deps.tokens.unsubscribeToken(alertId)}`;
  }

  /** The alert a confirmation link names, if it still works. */
  async byConfirmToken(token: string, now = new Date()): Promise<AlertSummary | null> {
    if (!looksLikeToken(token)) return null;
    const row = await alertsDb(this.deps.db).selectFrom('report_alerts').selectAll().where('confirm_token_hash', '=', hashToken(token)).executeTakeFirst();
    if (!row || (!row.confirmed_at && expired(row, now))) return null;
    return this.summary(row);
  }

  /** Starts the alert: reports made from now on are sent. Confirming again changes nothing. */
  async confirm(token: string, now = new Date()): Promise<AlertSummary | null> {
    if (!looksLikeToken(token)) return null;
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const tables = alertsDb(trx);
      const found = await tables.selectFrom('report_alerts').selectAll().where('confirm_token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst();
      if (!found || found.confirmed_at) return found ?? null;
      if (expired(found, now)) return null;
      const started = await tables.updateTable('report_alerts').set({ confirmed_at: now, last_report_at: now }).where('id', '=', found.id).returningAll().executeTakeFirstOrThrow();
      await this.deps.audit.record({ actorId: found.user_id, action: 'reports.alert.confirmed', subjectType: 'report_alert', subjectId: found.id }, trx);
      return started;
    });
    return row ? this.summary(row) : null;
  }

  /** The alert an unsubscribe link names; null once it is gone. */
  async byUnsubscribeToken(token: string): Promise<AlertSummary | null> {
    if (!looksLikeToken(token)) return null;
    const row = await alertsDb(this.deps.db).selectFrom('report_alerts').selectAll().where('unsubscribe_token_hash', '=', hashToken(token)).executeTakeFirst();
    return row ? this.summary(row) : null;
  }

  /** Deletes the alert. True if the link was one of ours, whether or not the alert was still there. */
  async unsubscribe(token: string): Promise<boolean> {
    if (!looksLikeToken(token)) return false;
    await this.deps.db.transaction().execute(async (trx) => {
      const gone = await alertsDb(trx).deleteFrom('report_alerts').where('unsubscribe_token_hash', '=', hashToken(token)).returning(['id', 'user_id']).executeTakeFirst();
      if (gone) await this.deps.audit.record({ actorId: gone.user_id, action: 'reports.alert.stopped', subjectType: 'report_alert', subjectId: gone.id }, trx);
    });
    return true;
  }

  /**
   * The scheduled run: one email per confirmed alert listing the visible reports made since its cursor
   * that match its ward or distance and kinds, then the cursor moves on in the same transaction as
   * the email is written. Unconfirmed alerts past their link's life are deleted.
   */
  async run(now = new Date()): Promise<{ emails: number; expired: number }> {
    const horizon = new Date(now.getTime() - SETTLE_MS);
    const matched = await this.matches(horizon);
    const byAlert = new Map<string, MatchedRow[]>();
    for (const row of matched) byAlert.set(row.alert_id, [...(byAlert.get(row.alert_id) ?? []), row]);
    const names = new Map((await this.deps.categories.active()).map((c) => [c.code, c.name]));
    const streets = new Map<number, string | null>();
    let emails = 0;
    for (const [alertId, rows] of byAlert) {
      const listed: ListedReport[] = [];
      for (const r of rows) listed.push({ categoryName: names.get(r.category_code) ?? 'Street problem', street: await this.streetName(r.usrn, streets), createdAt: r.created_at, link: `${this.deps.baseUrl}/reports/${r.reference}` });
      const first = rows[0];
      if (first && (await this.send(alertId, first.since, listed, Number(first.total), horizon))) emails++;
    }
    const tables = alertsDb(this.deps.db);
    // Alerts with nothing new move on too, so the next run looks only at what is newer; never backwards.
    // Those with matches are left to their own transaction (which may have lost to another run).
    let idle = tables.updateTable('report_alerts').set({ last_report_at: horizon }).where('confirmed_at', 'is not', null).where('last_report_at', '<', horizon);
    if (byAlert.size) idle = idle.where('id', 'not in', [...byAlert.keys()]);
    await idle.execute();
    const removed = await tables
      .deleteFrom('report_alerts')
      .where('confirmed_at', 'is', null)
      .where('created_at', '<', new Date(now.getTime() - CONFIRM_WITHIN_DAYS * DAY_MS))
      .executeTakeFirst();
    return { emails, expired: Number(removed.numDeletedRows) };
  }

  /**
   * One alert's email and its cursor, together. The reports were chosen from the cursor at `since`: if
   * another run (a retry, a second worker) has moved it, they may be sent already, and this does nothing.
   */
  private async send(alertId: string, since: Date, listed: ListedReport[], total: number, horizon: Date): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx: Executor) => {
      const alert = await alertsDb(trx)
        .updateTable('report_alerts')
        .set({ last_report_at: horizon })
        .where('id', '=', alertId)
        .where('confirmed_at', 'is not', null)
        .where('last_report_at', '=', since)
        .returningAll()
        .executeTakeFirst();
      if (!alert) return false;
      const about = await this.describe(alert);
      const more = alert.ward_code ? `${this.deps.baseUrl}/reports?ward=${encodeURIComponent(alert.ward_code)}` : `${this.deps.baseUrl}/reports`;
      const message = newReports(this.deps.councilName, about, listed, total, { more, unsubscribe: this.unsubscribeLink(alert.id) });
      await this.deps.notify.email(trx, { to: alert.email, ...message, reference: `alert-${alert.id}` });
      return true;
    });
  }

  /**
   * Visible reports made since each due alert's cursor and before the horizon, matched by ward or by
   * distance (earthdistance, as the nearby-duplicate check) and by kind; the first few of each alert.
   */
  private async matches(horizon: Date): Promise<MatchedRow[]> {
    const result = await sql<MatchedRow>`
      with due as (
        select id, ward_code, lon, lat, radius_metres, category_codes, last_report_at
        from report_alerts
        where confirmed_at is not null and last_report_at < ${horizon}
      ), fresh as (
        select id, reference, category_code, usrn, ward_code, lon, lat, created_at
        from reports
        where created_at >= (select min(last_report_at) from due) and created_at < ${horizon} and not hidden
      ), matched as (
        select d.id as alert_id, d.last_report_at as since, f.reference, f.category_code, f.usrn, f.created_at,
               row_number() over (partition by d.id order by f.created_at, f.id) as n,
               count(*) over (partition by d.id) as total
        from due d
        join fresh f on f.created_at >= d.last_report_at
          and (cardinality(d.category_codes) = 0 or f.category_code = any(d.category_codes))
          and (case when d.ward_code is not null then f.ward_code = d.ward_code
                    else earth_distance(ll_to_earth(d.lat, d.lon), ll_to_earth(f.lat, f.lon)) <= d.radius_metres end)
      )
      select alert_id, reference, category_code, usrn, created_at, total, since from matched where n <= ${MOST_LISTED} order by alert_id, n`.execute(this.deps.db);
    return result.rows;
  }

  private async streetName(usrn: number | null, known: Map<number, string | null>): Promise<string | null> {
    if (usrn === null) return null;
    if (!known.has(usrn)) known.set(usrn, (await this.deps.gazetteer.street(String(usrn)))?.name ?? null);
    return known.get(usrn) ?? null;
  }

  private async summary(row: AlertRow): Promise<AlertSummary> {
    return { id: row.id, about: await this.describe(row), confirmed: row.confirmed_at !== null, wardCode: row.ward_code };
  }

  /** "in Bramhall North", or "within 1 km of SK4 3DA", with the kinds of problem when limited. */
  async describe(alert: Pick<AlertRow, 'ward_code' | 'radius_metres' | 'place_label' | 'category_codes'>): Promise<string> {
    const where = alert.ward_code
      ? `in ${this.deps.geography.ward(alert.ward_code)?.name ?? 'your ward'}`
      : `within ${distanceText(alert.radius_metres ?? 0)} of ${alert.place_label ?? 'the place you chose'}`;
    if (!alert.category_codes.length) return where;
    const names = new Map((await this.deps.categories.active()).map((c) => [c.code, c.name]));
    return `${where} (${alert.category_codes.map((c) => names.get(c) ?? c).join(', ')})`;
  }
}

export function distanceText(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} metres`;
}

function expired(row: AlertRow, now: Date): boolean {
  return row.created_at.getTime() < now.getTime() - CONFIRM_WITHIN_DAYS * DAY_MS;
}
