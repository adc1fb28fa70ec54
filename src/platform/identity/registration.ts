import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Actor } from './accounts.ts';
import { normaliseEmail } from './email.ts';
import { hashPassword } from './passwords.ts';
import { confirmEmailMessage, signUpAttemptMessage, VERIFY_EMAIL_HOURS, type MessageContext } from './messages.ts';

export type IdentityServices = Pick<Services, 'db' | 'accounts' | 'notify' | 'audit' | 'config'>;

export function messageContext(config: Services['config']): MessageContext {
  return { baseUrl: config.baseUrl, councilName: config.councilName };
}

/** Creating an account with email and password, and confirming the address by a link. */
export class Registration {
  constructor(private readonly s: IdentityServices) {}

  /**
   * Answers the same way whether or not the address has an account: a new address gets a
   * confirmation link, a known one gets an email telling its owner how to sign in.
   */
  async register(email: string, password: string, actor: Actor): Promise<void> {
    // Hash before looking the address up, so both paths take the same time.
    const passwordHash = await hashPassword(password);
    const address = normaliseEmail(email);
    const mail = messageContext(this.s.config);
    await this.s.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('users')
        .values({ email: address, password_hash: passwordHash, email_verified_at: null, name: null, phone: null, address: null, totp_secret: null, totp_enabled_at: null, oidc_issuer: null, oidc_subject: null, last_sign_in_at: null })
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) {
        const owner = await this.s.accounts.findByEmail(address, trx);
        await this.s.notify.email(trx, signUpAttemptMessage(mail, owner?.email ?? address));
        return;
      }
      const token = await this.s.accounts.issueToken(trx, created.id, 'verify_email', VERIFY_EMAIL_HOURS * 60);
      await this.s.notify.email(trx, confirmEmailMessage(mail, address, token));
      await this.s.audit.record({ actorId: created.id, action: 'account.created', subjectType: 'user', subjectId: created.id, details: { method: 'password' }, ip: actor.ip, requestId: actor.requestId }, trx);
    });
  }

  /** Sends a fresh confirmation link to an account that has not confirmed its address yet. */
  async resendConfirmation(userId: string): Promise<void> {
    await this.s.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', userId).executeTakeFirst();
      if (!user || user.email_verified_at) return;
      const token = await this.s.accounts.issueToken(trx, userId, 'verify_email', VERIFY_EMAIL_HOURS * 60);
      await this.s.notify.email(trx, confirmEmailMessage(messageContext(this.s.config), user.email, token));
    });
  }

  /** Uses a confirmation link; false when it is unknown, used or expired. */
  async confirmEmail(token: string, actor: Actor): Promise<boolean> {
    return this.s.db.transaction().execute(async (trx) => {
      const row = await this.s.accounts.consumeToken(trx, token, 'verify_email');
      if (!row) return false;
      const user = await trx
        .updateTable('users')
        .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())`, updated_at: new Date() })
        .where('id', '=', row.user_id)
        .returning('id')
        .executeTakeFirst();
      if (!user) return false;
      await this.s.audit.record({ actorId: actor.userId ?? row.user_id, action: 'account.email_verified', subjectType: 'user', subjectId: row.user_id, ip: actor.ip, requestId: actor.requestId }, trx);
      return true;
    });
  }
}
