import type { PersonalDataProvider } from '../../platform/identity/personal-data.ts';
import type { DraftRepository } from './drafts/repository.ts';
import type { SubmissionRepository } from './submissions/repository.ts';

/** Forms' share of "download my data" and "delete my account". */
export function formsPersonalData(submissions: SubmissionRepository, drafts: DraftRepository): PersonalDataProvider {
  return {
    id: 'forms',
    async export(userId) {
      return {
        sent: (await submissions.allForUser(userId)).map((s) => ({ form: s.formTitle, reference: s.reference, sent: s.submittedAt, answers: s.answers, contact: s.contact })),
        saved: (await drafts.forUser(userId)).map((d) => ({ form: d.formTitle, saved: d.updatedAt, kept_until: d.expiresAt })),
      };
    },
    // Drafts go with the account (on delete cascade); submissions stay, detached from it (on delete set null).
    async erase() {},
    retained: [
      'Forms you sent us stay with the council for as long as each form says it keeps them, without the link to your account, because we need them to do what you asked. Forms you saved but did not send are deleted.',
    ],
  };
}
