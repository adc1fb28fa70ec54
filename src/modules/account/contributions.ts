import type { AccountCardProvider, PersonalDataProvider } from '../../platform/identity/personal-data.ts';
import type { PostalAddress } from '../../platform/db/tables.ts';
import type { AuditLog } from '../../platform/audit/index.ts';
import type { AccountRepository } from './repository.ts';
import { formatUkPhone } from '../../platform/contact/phone.ts';

function addressLabel(address: PostalAddress): string {
  return [...address.lines, address.town, address.postcode].filter(Boolean).join(', ');
}

function contactSummary(notifyEmail: boolean, notifySms: boolean): string {
  if (notifyEmail && notifySms) return 'We send you updates by email and text message';
  if (notifyEmail) return 'We send you updates by email';
  if (notifySms) return 'We send you updates by text message';
  return 'We do not send you updates';
}

/** The account's own card, added through the same interface as every other module's. */
export function yourDetailsCard(repository: AccountRepository): AccountCardProvider {
  return {
    id: 'your-details',
    async card(userId) {
      const account = await repository.find(userId);
      if (!account) return null;
      return {
        title: 'Your details',
        items: [
          { text: account.name ?? 'No name given' },
          { text: account.phone ? formatUkPhone(account.phone) : 'No telephone number given' },
          { text: account.address ? addressLabel(account.address) : 'No address given' },
          { text: contactSummary(account.notifyEmail, account.notifySms) },
        ],
        link: { href: '/account/profile', text: 'Change your details' },
      };
    },
  };
}

/**
 * The account's share of "download my data" and "delete my account". The `users` row itself
 * is deleted by `accounts.deleteAccount`; this erases what sits beside it.
 */
export function accountPersonalData(repository: AccountRepository, audit: Pick<AuditLog, 'forSubject'>): PersonalDataProvider {
  return {
    id: 'account',
    async export(userId) {
      const account = await repository.find(userId);
      if (!account) return null;
      return {
        email: account.email,
        emailConfirmed: account.emailVerifiedAt,
        name: account.name,
        phone: account.phone,
        address: account.address,
        notificationPreferences: { email: account.notifyEmail, textMessage: account.notifySms },
        created: account.createdAt,
        lastSignIn: account.lastSignInAt,
        roles: account.roles,
        twoFactorAuthenticationSetUp: account.twoFactorEnabledAt,
        signInProvider: account.oidcIssuer ? { issuer: account.oidcIssuer, subject: account.oidcSubject } : null,
        // What was sent and when, without the text: an email can hold a sign-in or reset link that still works.
        messagesSentToYou: await repository.messagesTo(account),
        // The security log's entries about this account; their details are internal and can name other people.
        securityLog: (await audit.forSubject('user', userId)).map((e) => ({ at: e.occurred_at, action: e.action, ipAddress: e.ip })),
      };
    },
    async erase(userId, trx) {
      await repository.eraseMessagesTo(userId, trx);
    },
    retained: [
      'Our security log keeps a record of what was done with your account, such as when it was created, when your details changed and when it was deleted, with the internet (IP) addresses used. We keep this to protect your account and our services against fraud and misuse. The log is built so that changing or removing an entry would be detected.',
      'Emails and text messages we sent to an email address or phone number you no longer use on your account, or to a phone number someone else also uses on their account, stay in our message log.',
    ],
  };
}
