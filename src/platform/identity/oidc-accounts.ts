import type { Actor } from './accounts.ts';
import { isValidEmail, normaliseEmail } from './email.ts';
import type { OidcProfile } from './oidc-client.ts';
import type { IdentityServices } from './registration.ts';

export type OidcAccountOutcome =
  | { outcome: 'account'; userId: string }
  /** No account is linked and the provider has not confirmed an email address we could use. */
  | { outcome: 'email-not-verified' }
  /** The address has an account that is linked to a different person at this provider. */
  | { outcome: 'linked-elsewhere' };

/**
 * Finds the account for a person signing in through the identity provider: the one already
 * linked to them, else the one with their address (only when the provider has verified it),
 * else a new one.
 */
export class OidcAccounts {
  constructor(private readonly s: IdentityServices) {}

  async accountFor(profile: OidcProfile, actor: Actor): Promise<OidcAccountOutcome> {
    return this.s.db.transaction().execute(async (trx): Promise<OidcAccountOutcome> => {
      const linked = await trx.selectFrom('users').select('id').where('oidc_issuer', '=', profile.issuer).where('oidc_subject', '=', profile.subject).executeTakeFirst();
      if (linked) return { outcome: 'account', userId: linked.id };
      if (!profile.email || !profile.emailVerified || !isValidEmail(profile.email)) return { outcome: 'email-not-verified' };
      const audit = (action: string, userId: string, details: Record<string, unknown>) =>
        this.s.audit.record({ actorId: userId, action, subjectType: 'user', subjectId: userId, details: { method: 'oidc', issuer: profile.issuer, ...details }, ip: actor.ip, requestId: actor.requestId }, trx);

      const existing = await this.s.accounts.findByEmail(profile.email, trx);
      if (existing) {
        if (existing.oidc_subject && existing.oidc_issuer === profile.issuer) return { outcome: 'linked-elsewhere' };
        // An unconfirmed account's password may have been set by someone who does not own the
        // address; the provider has just proved who does, so that password stops working.
        const confirmed = existing.email_verified_at !== null;
        await trx
          .updateTable('users')
          .set({ oidc_issuer: profile.issuer, oidc_subject: profile.subject, email_verified_at: existing.email_verified_at ?? new Date(), password_hash: confirmed ? existing.password_hash : null, updated_at: new Date() })
          .where('id', '=', existing.id)
          .execute();
        await audit('account.oidc_linked', existing.id, { passwordCleared: !confirmed && existing.password_hash !== null });
        return { outcome: 'account', userId: existing.id };
      }
      const created = await trx
        .insertInto('users')
        .values({ email: normaliseEmail(profile.email), password_hash: null, email_verified_at: new Date(), name: null, phone: null, address: null, totp_secret: null, totp_enabled_at: null, oidc_issuer: profile.issuer, oidc_subject: profile.subject, last_sign_in_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit('account.created', created.id, {});
      return { outcome: 'account', userId: created.id };
    });
  }
}
