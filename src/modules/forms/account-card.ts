import type { AccountCardProvider } from '../../platform/identity/personal-data.ts';
import { formatDate } from '../../platform/views/index.ts';
import type { DraftRepository } from './drafts/repository.ts';
import type { SubmissionRepository } from './submissions/repository.ts';

const SENT_SHOWN = 5;

/**
 * "Your forms" on My Account: forms saved to finish later first (they need doing), each with a
 * link to continue, then the latest forms sent, with their reference to quote.
 */
export function formsAccountCard(submissions: Pick<SubmissionRepository, 'forUser'>, drafts: Pick<DraftRepository, 'forUser'>): AccountCardProvider {
  return {
    id: 'forms',
    async card(userId) {
      const [saved, sent] = await Promise.all([drafts.forUser(userId), submissions.forUser(userId, SENT_SHOWN)]);
      return {
        title: 'Your forms',
        items: [
          ...saved.map((d) => ({ text: `Continue ${d.formTitle} (saved until ${formatDate(d.expiresAt)})`, href: d.resumeHref, status: 'Not sent' })),
          ...sent.map((s) => ({ text: `${s.formTitle}, reference ${s.reference}, sent ${formatDate(s.submittedAt)}`, status: 'Sent' })),
        ],
        emptyText: 'You have not sent or saved any forms.',
      };
    },
  };
}
