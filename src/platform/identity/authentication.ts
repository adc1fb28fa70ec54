import { createHmac } from 'node:crypto';
import type { Actor } from './accounts.ts';
import { isValidEmail } from './email.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { passwordChangedMessage } from './messages.ts';
import { messageContext, type IdentityServices } from './registration.ts';

export type SignInOutcome = { outcome: 'signed-in'; userId: string } | { outcome: 'unconfirmed'; userId: string } | { outcome: 'refused' };

/** Checking passwords, recording sign-ins and sign-outs, and changing a password. */
export class Authentication {
  constructor(private readonly s: IdentityServices) {}

  /**
   * A wrong password and an unknown address look the same to the caller, take the same time
   * (passwords.ts compares against a dummy hash), and are both audited.
   */
  async signIn(email: string, password: string, actor: Actor): Promise<SignInOutcome> {
    const user = isValidEmail(email) ? await this.s.accounts.findByEmail(email) : undefined;
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok) {
      await this.s.audit.record({
        actorId: null,
        action: 'auth.sign_in_failed',
        subjectType: user ? 'user' : undefined,
        subjectId: user?.id,
        details: user ? { method: 'password' } : { method: 'password', emailHash: this.emailHash(email) },
        ip: actor.ip,
        requestId: actor.requestId,
      });
      return { outcome: 'refused' };
    }
    if (!user.email_verified_at) return { outcome: 'unconfirmed', userId: user.id };
    await this.recordSignIn(user.id, 'password', actor);
    return { outcome: 'signed-in', userId: user.id };
  }

  async recordSignIn(userId: string, method: 'password' | 'oidc', actor: Actor): Promise<void> {
    await this.s.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', userId).execute();
      await this.s.audit.record({ actorId: userId, action: 'auth.signed_in', subjectType: 'user', subjectId: userId, details: { method }, ip: actor.ip, requestId: actor.requestId }, trx);
    });
  }

  async recordSignOut(userId: string, actor: Actor): Promise<void> {
    await this.s.audit.record({ actorId: userId, action: 'auth.signed_out', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId });
  }

  /** Whether the person has a password here at all (people who only use an identity provider do not). */
  async hasPassword(userId: string): Promise<boolean> {
    const row = await this.s.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    return Boolean(row?.password_hash);
  }

  async passwordMatches(userId: string, password: string): Promise<boolean> {
    const row = await this.s.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
    return verifyPassword(row?.password_hash ?? null, password);
  }

  /** Sets a new password and signs the person out of every other session. */
  async changePassword(userId: string, newPassword: string, currentSessionId: string, actor: Actor): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.s.db.transaction().execute(async (trx) => {
      const user = await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).returning('email').executeTakeFirstOrThrow();
      await this.s.accounts.endSessions(trx, userId, currentSessionId);
      await this.s.accounts.retireTokens(trx, userId, 'reset_password');
      await this.s.audit.record({ actorId: actor.userId, action: 'account.password_changed', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId }, trx);
      await this.s.notify.email(trx, passwordChangedMessage(messageContext(this.s.config), user.email));
    });
  }

  /**
   * Failed sign-ins for unknown addresses are audited by a keyed hash: attempts on one address
   * can be linked, but the log does not hold addresses that have no account.
   */
  private emailHash(email: string): string {
    return createHmac('sha256', this.s.config.sessionSecret).update(email.trim().toLowerCase()).digest('hex');
  }
}
