import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import type { Answers, AssistedContext, SubmissionDelivery, SubmissionRecord } from '../contracts.ts';
import type { Form } from '../definition/form.ts';
import { answerRows, answersAsText } from '../journey/summary.ts';
import { newReference } from './reference.ts';
import { SubmissionRepository } from './repository.ts';

export interface Submitter {
  /** The signed-in person (a resident, or staff filling the form in for themselves). */
  user: { id: string; email: string; name: string | null } | null;
  /** Set while staff fill the form in for a resident (assisted digital). */
  assisted?: AssistedContext;
  ip?: string;
  requestId?: string;
}

export interface SubmissionDependencies {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  notify: Pick<Notifier, 'email'>;
  councilName: string;
}

/** Deliveries come from the delivery half of the module; this one sends nowhere. */
export const noDelivery: SubmissionDelivery = { enqueue: async () => undefined };

const REFERENCE_TRIES = 5;

/**
 * Stores a submission. In one transaction: the submission, its audit entry, the confirmation
 * email, the deliveries to the form's targets and removing the draft it came from, so an
 * acknowledged submission always has its email and deliveries, and a failed one leaves nothing.
 */
export class SubmissionService {
  readonly repository: SubmissionRepository;

  constructor(
    private readonly deps: SubmissionDependencies,
    private readonly delivery: SubmissionDelivery,
  ) {
    this.repository = new SubmissionRepository(deps.db);
  }

  async submit(form: Form, answers: Answers, submitter: Submitter, today: string, afterwards?: (trx: Executor) => Promise<void>): Promise<SubmissionRecord> {
    const assisted = submitter.assisted;
    const contact = contactFor(form, answers, submitter);
    return this.deps.db.transaction().execute(async (trx) => {
      const submission = await this.insert(trx, {
        formId: form.id,
        formVersion: form.version,
        formTitle: form.title,
        answers,
        channel: assisted ? 'assisted' : 'online',
        userId: assisted ? (assisted.residentUserId ?? null) : (submitter.user?.id ?? null),
        staffId: assisted?.staffId ?? null,
        contact,
      });
      await this.deps.audit.record(
        {
          actorId: assisted?.staffId ?? submitter.user?.id ?? null,
          action: 'forms.submitted',
          subjectType: 'form_submission',
          subjectId: submission.id,
          details: { form: form.id, version: form.version, reference: submission.reference, channel: submission.channel },
          ip: submitter.ip,
          requestId: submitter.requestId,
        },
        trx,
      );
      if (contact.email) await this.deps.notify.email(trx, { to: contact.email, ...this.confirmationEmail(form, submission, today), reference: submission.reference });
      await this.delivery.enqueue(trx, submission, form.definition.targets);
      await afterwards?.(trx);
      return submission;
    });
  }

  private async insert(trx: Executor, submission: Omit<SubmissionRecord, 'id' | 'submittedAt' | 'reference'>): Promise<SubmissionRecord> {
    // 29^8 references make a clash rare; the unique index settles one, and another is drawn.
    for (let i = 0; i < REFERENCE_TRIES; i++) {
      const stored = await this.repository.insert(trx, { ...submission, reference: newReference() });
      if (stored) return stored;
    }
    throw new Error(`no free reference number after ${REFERENCE_TRIES} tries`);
  }

  confirmationEmail(form: Form, submission: SubmissionRecord, today: string): { subject: string; body: string } {
    const next = form.definition.confirmation?.whatHappensNext ?? [];
    const body = [
      submission.contact.name ? `Dear ${submission.contact.name},` : undefined,
      `We have received your form: ${form.title}.`,
      `Your reference number is ${submission.reference}. Quote it if you contact us about this.`,
      ...(next.length ? ['# What happens next', ...next] : []),
      '# Your answers',
      answersAsText(answerRows(form, submission.answers, today)),
      this.deps.councilName,
    ].filter((line): line is string => line !== undefined);
    return { subject: `${form.title}: reference ${submission.reference}`, body: body.join('\n\n') };
  }
}

/**
 * Who to contact about the submission: the form's contact fields first; then, for assisted
 * digital, what staff recorded; then the signed-in resident's account.
 */
export function contactFor(form: Form, answers: Answers, submitter: Submitter): SubmissionRecord['contact'] {
  const fields = form.definition.contact ?? {};
  const answer = (name: string | undefined): string | undefined => {
    const value = name ? answers[name] : undefined;
    return typeof value === 'string' && value.trim() ? value : undefined;
  };
  const fallback = submitter.assisted ? submitter.assisted.contact : { email: submitter.user?.email, name: submitter.user?.name ?? undefined };
  const contact: SubmissionRecord['contact'] = {};
  const name = answer(fields.name) ?? fallback.name;
  const email = answer(fields.email) ?? fallback.email;
  const phone = answer(fields.phone) ?? (submitter.assisted ? submitter.assisted.contact.phone : undefined);
  if (name) contact.name = name;
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  return contact;
}
