import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import type { ReportsTables } from '../tables.ts';
import { ukMobile } from './contacts.ts';
import type { PersonalLinks, ReportMessage } from './messages.ts';
import type { ReportTokens } from './tokens.ts';

/** Someone to leave out: the person whose own action the message is about. */
export interface Except {
  userId?: string | null;
  email?: string | null;
}

interface SubscriberRow {
  id: string;
  user_id: string | null;
  email: string | null;
  phone: string | null;
  account_email: string | null;
  account_phone: string | null;
  notify_email: boolean | null;
  notify_sms: boolean | null;
}

/**
 * Sends a message about a report to its subscribers, in the caller's transaction, each by the way
 * they chose: people with an account by their notification preferences (email, text, both or
 * neither), everyone else by the email address they gave, or by text if they gave only a mobile.
 */
export class SubscriberNotifier {
  constructor(
    private readonly notify: Notifier,
    private readonly tokens: ReportTokens,
    private readonly baseUrl: string,
  ) {}

  links(reference: string, subscriptionId: string): PersonalLinks {
    return {
      report: `${this.baseUrl}/reports/${reference}`,
      unsubscribe: `${this.baseUrl}/reports/unsubscribe/${this.tokens.unsubscribeToken(subscriptionId)}`,
    };
  }

  /** Returns how many messages were written. `only` limits it to one subscription. */
  async send(trx: Executor, report: { id: string; reference: string }, message: (links: PersonalLinks) => ReportMessage, options: { except?: Except; only?: string } = {}): Promise<number> {
    const db = trx.withTables<ReportsTables>();
    let query = db
      .selectFrom('report_subscriptions as s')
      .leftJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.user_id', 's.email', 's.phone', 'u.email as account_email', 'u.phone as account_phone', 'u.notify_email', 'u.notify_sms'])
      .where('s.report_id', '=', report.id)
      .orderBy('s.created_at');
    if (options.only) query = query.where('s.id', '=', options.only);
    const rows: SubscriberRow[] = await query.execute();
    let sent = 0;
    for (const row of rows) {
      if (!isExcepted(row, options.except)) sent += await this.sendTo(trx, report, row.id, channelsOf(row), message);
    }
    return sent;
  }

  /** Sends to one subscription whose channels the caller already knows (the reporter's confirmation). */
  async sendTo(trx: Executor, report: { reference: string }, subscriptionId: string, channels: Channels, message: (links: PersonalLinks) => ReportMessage): Promise<number> {
    const text = message(this.links(report.reference, subscriptionId));
    if (channels.email) await this.notify.email(trx, { to: channels.email, subject: text.subject, body: text.body, reference: report.reference });
    if (channels.mobile) await this.notify.sms(trx, { to: channels.mobile, body: text.sms, reference: report.reference });
    return Number(Boolean(channels.email)) + Number(Boolean(channels.mobile));
  }

  /** The subscription a resident's unsubscribe link names; removes it. */
  async unsubscribe(trx: Executor, tokenHash: string): Promise<{ reportId: string } | null> {
    const row = await trx
      .withTables<ReportsTables>()
      .deleteFrom('report_subscriptions')
      .where('unsubscribe_token_hash', '=', tokenHash)
      .returning('report_id')
      .executeTakeFirst();
    return row ? { reportId: row.report_id } : null;
  }
}

/** Where one person's messages go: an email address, a UK mobile for texts, both, or neither. */
export interface Channels {
  email: string | null;
  mobile: string | null;
}

/** By their account's preferences, or by the contact they gave: email if any, else text to a mobile. */
export function channelsOf(row: Pick<SubscriberRow, 'user_id' | 'email' | 'phone' | 'account_email' | 'account_phone' | 'notify_email' | 'notify_sms'>): Channels {
  if (row.user_id) {
    return { email: row.notify_email ? row.account_email : null, mobile: row.notify_sms ? ukMobile(row.account_phone) : null };
  }
  if (row.email) return { email: row.email, mobile: null };
  return { email: null, mobile: ukMobile(row.phone) };
}

function isExcepted(row: SubscriberRow, except: Except | undefined): boolean {
  if (!except) return false;
  if (except.userId && row.user_id === except.userId) return true;
  const email = except.email?.toLowerCase();
  return Boolean(email && (row.email?.toLowerCase() === email || row.account_email?.toLowerCase() === email));
}

/** Adds a subscription unless the person already has one; returns its id either way. */
export async function addSubscription(trx: Executor, tokens: ReportTokens, id: string, reportId: string, person: { userId: string | null; email: string | null; phone: string | null }): Promise<{ id: string; added: boolean }> {
  const db = trx.withTables<ReportsTables>();
  const inserted = await db
    .insertInto('report_subscriptions')
    .values({ id, report_id: reportId, user_id: person.userId, email: person.userId ? null : person.email, phone: person.userId ? null : person.phone, unsubscribe_token_hash: tokens.unsubscribeHash(id) })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, added: true };
  const existing = await db
    .selectFrom('report_subscriptions')
    .select('id')
    .where('report_id', '=', reportId)
    .where((eb) =>
      person.userId
        ? eb('user_id', '=', person.userId)
        : person.email
          ? eb.and([eb('user_id', 'is', null), eb(sql<string>`lower(email)`, '=', person.email.toLowerCase())])
          : eb.and([eb('user_id', 'is', null), eb('email', 'is', null), eb('phone', '=', person.phone)]),
    )
    .executeTakeFirstOrThrow();
  return { id: existing.id, added: false };
}
