import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { PlatformTables, PostalAddress } from '../../platform/db/tables.ts';

/** What the resident can see and change about their own account. Never secrets. */
export interface AccountRecord {
  id: string;
  email: string;
  emailVerifiedAt: Date | null;
  name: string | null;
  phone: string | null;
  address: PostalAddress | null;
  notifyEmail: boolean;
  notifySms: boolean;
  hasPassword: boolean;
  twoFactorEnabledAt: Date | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  roles: string[];
}

export interface SentMessage {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

/** The account module's SQL: the `users` row as the resident sees it, and messages sent to them. */
export class AccountRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string, executor: Executor = this.db): Promise<AccountRecord | null> {
    const row = await executor
      .selectFrom('users')
      .select(['id', 'email', 'email_verified_at', 'name', 'phone', 'address', 'notify_email', 'notify_sms', 'totp_enabled_at', 'oidc_issuer', 'oidc_subject', 'created_at', 'last_sign_in_at'])
      .select((eb) => [
        sql<boolean>`password_hash is not null`.as('has_password'),
        sql<string[]>`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = ${eb.ref('users.id')}), '{}')`.as('roles'),
      ])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      emailVerifiedAt: row.email_verified_at,
      name: row.name,
      phone: row.phone,
      address: row.address,
      notifyEmail: row.notify_email,
      notifySms: row.notify_sms,
      hasPassword: row.has_password,
      twoFactorEnabledAt: row.totp_enabled_at,
      oidcIssuer: row.oidc_issuer,
      oidcSubject: row.oidc_subject,
      createdAt: row.created_at,
      lastSignInAt: row.last_sign_in_at,
      roles: row.roles,
    };
  }

  async passwordHash(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async update(userId: string, changes: { name?: string; phone?: string | null; address?: PostalAddress; notifyEmail?: boolean; notifySms?: boolean }, executor: Executor): Promise<void> {
    await executor
      .updateTable('users')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
        ...(changes.address !== undefined && { address: JSON.stringify(changes.address) }),
        ...(changes.notifyEmail !== undefined && { notify_email: changes.notifyEmail }),
        ...(changes.notifySms !== undefined && { notify_sms: changes.notifySms }),
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
  }

  /** Emails and texts in the message log addressed to the person's current email address or phone. */
  async messagesTo(account: Pick<AccountRecord, 'email' | 'phone'>): Promise<SentMessage[]> {
    const rows = await this.db
      .selectFrom('notify_messages')
      .select(['channel', 'recipient', 'subject', 'status', 'created_at', 'sent_at'])
      .where((eb) => addressedTo(eb, account))
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ channel: r.channel, recipient: r.recipient, subject: r.subject, status: r.status, createdAt: r.created_at, sentAt: r.sent_at }));
  }

  /**
   * Deletes the person's copies in the message log. Texts to a number another account also gives
   * (a shared household phone) are left, because they may be that person's too.
   */
  async eraseMessagesTo(userId: string, executor: Executor): Promise<void> {
    const account = await executor.selectFrom('users').select(['email', 'phone']).where('id', '=', userId).executeTakeFirst();
    if (!account) return;
    const sharedPhone = account.phone
      ? await executor.selectFrom('users').select('id').where('phone', '=', account.phone).where('id', '<>', userId).executeTakeFirst()
      : undefined;
    await executor
      .deleteFrom('notify_messages')
      .where((eb) => addressedTo(eb, { email: account.email, phone: sharedPhone ? null : account.phone }))
      .execute();
  }
}

function addressedTo(eb: ExpressionBuilder<PlatformTables, 'notify_messages'>, account: { email: string; phone: string | null }) {
  const byEmail = eb.and([eb('channel', '=', 'email'), eb(sql<string>`lower(recipient)`, '=', account.email.toLowerCase())]);
  return account.phone ? eb.or([byEmail, eb.and([eb('channel', '=', 'sms'), eb('recipient', '=', account.phone)])]) : byEmail;
}
