import type { Actor } from './accounts.ts';
import { normaliseEmail } from './email.ts';
import { CHANGE_EMAIL_HOURS, confirmNewEmailMessage, emailChangedMessage, emailChangeRequestedMessage, emailInUseMessage } from './messages.ts';
import { messageContext, type IdentityServices } from './registration.ts';

export type EmailChangeOutcome = 'changed' | 'invalid' | 'taken';

/** Changing the address on an account: nothing changes until the new address is confirmed by a link. */
export class EmailChange {
  constructor(private readonly s: IdentityServices) {}

  /**
   * Sends the confirmation link to the new address and a heads-up to the old one. When the new
   * address already has an account, its owner is told instead, so this cannot probe for accounts.
   */
  async request(userId: string, newEmail: string, actor: Actor): Promise<void> {
    const address = normaliseEmail(newEmail);
    const mail = messageContext(this.s.config);
    await this.s.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
      const holder = await this.s.accounts.findByEmail(address, trx);
      if (holder) {
        await this.s.notify.email(trx, emailInUseMessage(mail, holder.email));
        return;
      }
      await this.s.accounts.retireTokens(trx, userId, 'change_email');
      const token = await this.s.accounts.issueToken(trx, userId, 'change_email', CHANGE_EMAIL_HOURS * 60, address);
      await this.s.notify.email(trx, confirmNewEmailMessage(mail, address, token));
      await this.s.notify.email(trx, emailChangeRequestedMessage(mail, user.email));
      await this.s.audit.record({ actorId: actor.userId, action: 'account.email_change_requested', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId }, trx);
    });
  }

  /** Uses the link; it only works for the account that asked for it. */
  async confirm(userId: string, token: string, actor: Actor): Promise<EmailChangeOutcome> {
    const mail = messageContext(this.s.config);
    const work = this.s.db.transaction().execute(async (trx): Promise<EmailChangeOutcome> => {
      const row = await this.s.accounts.consumeToken(trx, token, 'change_email', userId);
      if (!row?.new_email) return 'invalid';
      const holder = await this.s.accounts.findByEmail(row.new_email, trx);
      if (holder && holder.id !== userId) return 'taken';
      const before = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
      await trx.updateTable('users').set({ email: row.new_email, email_verified_at: new Date(), updated_at: new Date() }).where('id', '=', userId).execute();
      // The addresses themselves stay out of the append-only log, which cannot be erased.
      await this.s.audit.record({ actorId: actor.userId, action: 'account.email_changed', subjectType: 'user', subjectId: userId, ip: actor.ip, requestId: actor.requestId }, trx);
      await this.s.notify.email(trx, emailChangedMessage(mail, before.email));
      return 'changed';
    });
    // Another account can take the address between the check and the update.
    return work.catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'taken';
      throw error;
    });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
