import type { Services } from '../../platform/services.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/identity/accounts.ts';
import type { PostalAddress } from '../../platform/db/tables.ts';
import { verifyPassword } from '../../platform/identity/passwords.ts';
import type { FieldError } from '../../platform/http/forms.ts';
import { isUkMobile } from '../../platform/contact/phone.ts';
import { AccountRepository, type AccountRecord } from './repository.ts';
import { messages, type Preferences, type Profile } from './validation.ts';

/** The work behind the My Account pages: each change and its audit entry commit together. */
export class AccountService {
  private readonly repository: AccountRepository;

  constructor(private readonly services: Pick<Services, 'db' | 'audit' | 'accounts' | 'personalData'>) {
    this.repository = new AccountRepository(services.db);
  }

  async find(userId: string): Promise<AccountRecord> {
    const account = await this.repository.find(userId);
    // The policy loaded this user for the request, so a missing row means it was deleted since.
    if (!account) throw new Error(`Account ${userId} not found`);
    return account;
  }

  /** Saves name and phone. Text messages stop if the mobile number goes; the result says so. */
  async saveProfile(userId: string, profile: Profile, actor: Actor): Promise<{ textMessagesStopped: boolean }> {
    return this.services.db.transaction().execute(async (trx) => {
      const before = await this.repository.find(userId, trx);
      if (!before) throw new Error(`Account ${userId} not found`);
      const textMessagesStopped = before.notifySms && !isUkMobile(profile.phone);
      await this.repository.update(userId, { name: profile.name, phone: profile.phone, ...(textMessagesStopped && { notifySms: false }) }, trx);
      const changed = [...(before.name !== profile.name ? ['name'] : []), ...(before.phone !== profile.phone ? ['phone'] : []), ...(textMessagesStopped ? ['notify_sms'] : [])];
      if (changed.length) await this.audit('account.profile_changed', userId, actor, { changed }, trx);
      return { textMessagesStopped };
    });
  }

  async saveAddress(userId: string, address: PostalAddress, actor: Actor): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      await this.repository.update(userId, { address }, trx);
      await this.audit('account.profile_changed', userId, actor, { changed: ['address'], fromGazetteer: Boolean(address.uprn) }, trx);
    });
  }

  async savePreferences(userId: string, preferences: Preferences, actor: Actor): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      await this.repository.update(userId, { notifyEmail: preferences.email, notifySms: preferences.sms }, trx);
      await this.audit('account.preferences_changed', userId, actor, { email: preferences.email, sms: preferences.sms }, trx);
    });
  }

  /** Everything every module holds about the person, under each module's id. */
  async exportData(userId: string, actor: Actor): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = { exported: new Date() };
    for (const provider of this.services.personalData.data) sections[provider.id] = await provider.export(userId);
    await this.audit('account.data_downloaded', userId, actor, { sections: this.services.personalData.data.map((p) => p.id) });
    return sections;
  }

  /** What deleting the account leaves behind, and why, from every module. */
  retained(): string[] {
    return this.services.personalData.data.flatMap((p) => p.retained);
  }

  /** Re-entering the password guards deletion; accounts that sign in elsewhere (OIDC) tick a box instead. */
  async checkDeletion(account: AccountRecord, form: { password: string; confirm: boolean }): Promise<FieldError[]> {
    if (!account.hasPassword) return form.confirm ? [] : [{ href: '#confirm', text: messages.confirmMissing }];
    if (!form.password) return [{ href: '#password', text: messages.passwordMissing }];
    const ok = await verifyPassword(await this.repository.passwordHash(account.id), form.password);
    return ok ? [] : [{ href: '#password', text: messages.passwordWrong }];
  }

  async deleteAccount(userId: string, actor: Actor): Promise<void> {
    await this.services.accounts.deleteAccount(userId, actor);
  }

  private async audit(action: string, userId: string, actor: Actor, details: Record<string, unknown>, executor?: Executor): Promise<void> {
    await this.services.audit.record({ actorId: actor.userId, action, subjectType: 'user', subjectId: userId, details, ip: actor.ip, requestId: actor.requestId }, executor);
  }
}
