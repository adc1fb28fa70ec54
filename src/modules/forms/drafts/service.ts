import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import { formatDate } from '../../../platform/views/index.ts';
import type { Form } from '../definition/form.ts';
import type { JourneyState } from '../journey/state.ts';
import { DraftRepository, type Draft } from './repository.ts';

export interface DraftDependencies {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  notify: Pick<Notifier, 'email'>;
  baseUrl: string;
  councilName: string;
  /** How long a draft is kept when its form does not say. */
  draftDays: number;
}

export const DRAFT_EXPIRY_JOB = 'forms.drafts.expire';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Save and return. A signed-in resident's draft is kept on their account; anyone else gets an
 * emailed link whose token is the only way back to it (we keep its hash, not the token).
 * Drafts expire after the form's `retention.draftDays` (or FORMS_DRAFT_DAYS) and a daily job deletes them.
 */
export class DraftService {
  readonly repository: DraftRepository;

  constructor(private readonly deps: DraftDependencies) {
    this.repository = new DraftRepository(deps.db);
  }

  expiresAt(form: Form, now = new Date()): Date {
    const days = form.definition.retention.draftDays ?? this.deps.draftDays;
    return new Date(now.getTime() + days * 24 * 3600 * 1000);
  }

  async saveForUser(form: Form, state: JourneyState, userId: string): Promise<Draft['id']> {
    return this.repository.saveForUser(userId, this.content(form, state));
  }

  /** Saves the draft and emails the link back to it, in one transaction. Returns the draft's id. */
  async saveForEmail(form: Form, state: JourneyState, email: string): Promise<{ id: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const content = this.content(form, state);
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const saved = await this.repository.saveWithToken(state.draftId, email, hashToken(token), content, trx);
      const link = `${this.deps.baseUrl}/forms/resume/${token}`;
      await this.deps.notify.email(trx, {
        to: email,
        subject: `Your saved form: ${form.title}`,
        body: [
          `You saved your answers to "${form.title}".`,
          `To carry on, use this link before ${formatDate(content.expiresAt)}:`,
          link,
          'Anyone with this link can see your answers, so do not share it. If you did not ask for this email, you can ignore it.',
          this.deps.councilName,
        ].join('\n\n'),
      });
      return saved;
    });
    return { id, expiresAt: content.expiresAt };
  }

  async byToken(token: string): Promise<Draft | null> {
    if (!/^[\w-]{20,100}$/.test(token)) return null;
    return this.repository.byTokenHash(hashToken(token));
  }

  /** Deletes expired drafts: the scheduled job's work. */
  async expire(now = new Date()): Promise<number> {
    const deleted = await this.repository.deleteExpired(now);
    if (deleted > 0) await this.deps.audit.record({ action: 'forms.drafts_expired', subjectType: 'form_draft', details: { deleted } });
    return deleted;
  }

  private content(form: Form, state: JourneyState) {
    return { formId: form.id, formVersion: form.version, answers: state.answers, answered: state.answered, expiresAt: this.expiresAt(form) };
  }
}
