import { sql } from 'kysely';
import type { Actor } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import { passwordChangedMessage, resetPasswordMessage, RESET_PASSWORD_MINUTES } from './messages.ts';
import { messageContext, type IdentityServices } from './registration.ts';

/** "Forgotten your password?": a link by email, then a new password. */
export class PasswordReset {
  constructor(private readonly s: IdentityServices) {}

  /** Sends a link when the address has an account, and nothing otherwise; the caller cannot tell which. */
  async request(email: string, actor: Actor): Promise<void> {
    await this.s.db.transaction().execute(async (trx) => {
      const user = await this.s.accounts.findByEmail(email, trx);
      if (!user) return;
      const token = await this.s.accounts.issueToken(trx, user.id, 'reset_password', RESET_PASSWORD_MINUTES);
      await this.s.notify.email(trx, resetPasswordMessage(messageContext(this.s.config), user.email, token));
      await this.s.audit.record({ actorId: null, action: 'account.password_reset_requested', subjectType: 'user', subjectId: user.id, ip: actor.ip, requestId: actor.requestId }, trx);
    });
  }

  linkIsValid(token: string): Promise<boolean> {
    return this.s.accounts.tokenIsValid(token, 'reset_password');
  }

  /**
   * Uses the link once. The link proves the person reads the account's email, so the address
   * counts as confirmed; every session is ended, in case the old password was known to someone else.
   */
  async reset(token: string, password: string, actor: Actor): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    return this.s.db.transaction().execute(async (trx) => {
      const row = await this.s.accounts.consumeToken(trx, token, 'reset_password');
      if (!row) return false;
      const user = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, email_verified_at: sql<Date>`coalesce(email_verified_at, now())`, updated_at: new Date() })
        .where('id', '=', row.user_id)
        .returning('email')
        .executeTakeFirst();
      if (!user) return false;
      await this.s.accounts.retireTokens(trx, row.user_id, 'reset_password');
      await this.s.accounts.endSessions(trx, row.user_id);
      await this.s.audit.record({ actorId: row.user_id, action: 'account.password_reset', subjectType: 'user', subjectId: row.user_id, ip: actor.ip, requestId: actor.requestId }, trx);
      await this.s.notify.email(trx, passwordChangedMessage(messageContext(this.s.config), user.email));
      return true;
    });
  }
}
