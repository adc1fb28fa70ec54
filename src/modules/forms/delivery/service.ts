import type { Logger } from 'pino';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { JobContext, JobDefinition, JobQueue } from '../../../platform/jobs/index.ts';
import type { Notifier } from '../../../platform/notify/index.ts';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Actor } from '../../../platform/identity/accounts.ts';
import type { SubmissionDelivery, SubmissionRecord, TargetDefinition } from '../contracts.ts';
import type { SubmissionHandlers } from './handlers.ts';
import { applyMapping } from './mapping.ts';
import { failure, PermanentDeliveryError, type Attempt } from './outcome.ts';
import { submissionText } from './plain-text.ts';
import { DeliveryRepository, type DeliveryRecord } from './repository.ts';
import { SubmissionRepository } from '../submissions/repository.ts';
import { postWebhook } from './webhook.ts';

export const DELIVER_JOB = 'forms.deliver';

export interface DeliveryDependencies {
  db: Db;
  jobs: JobQueue;
  notify: Notifier;
  audit: AuditLog;
  log: Logger;
  handlers: SubmissionHandlers;
  /** Where webhook secrets are read, by the name the target gives. */
  env?: NodeJS.ProcessEnv;
  webhookTimeoutMs?: number;
  /** The answers as the engine writes them in text (question, then answer), for the email target. */
  answersText?: (submission: SubmissionRecord) => Promise<string | undefined>;
}

/**
 * Sends each submission to its form's targets: one row and one job per target, written in the
 * submission's own transaction; the job tries, retries with backoff, and leaves the row sent or
 * failed for staff to see (and retry).
 */
export class DeliveryService implements SubmissionDelivery {
  readonly repository: DeliveryRepository;
  private readonly submissions: SubmissionRepository;

  constructor(private readonly deps: DeliveryDependencies) {
    this.repository = new DeliveryRepository(deps.db);
    this.submissions = new SubmissionRepository(deps.db);
  }

  /** The job: about two hours of retries (30s, 1m, 2m … 64m) before a delivery is marked failed. */
  jobDefinition(): JobDefinition<{ deliveryId: string }> {
    return { name: DELIVER_JOB, retryLimit: 8, retryDelay: 30, retryBackoff: true, handler: (data, job) => this.deliver(data.deliveryId, job) };
  }

  async enqueue(trx: Executor, submission: SubmissionRecord, targets: TargetDefinition[]): Promise<void> {
    const ids = await this.repository.insert(trx, submission.id, targets);
    for (const deliveryId of ids) await this.deps.jobs.send(trx, DELIVER_JOB, { deliveryId });
  }

  /** One attempt. Throws only to ask the queue for a retry; every other end is written to the row. */
  async deliver(deliveryId: string, job: JobContext): Promise<void> {
    const delivery = await this.repository.claim(deliveryId);
    if (!delivery) return; // already sent, failed for good, or gone with its submission
    const submission = await this.submissions.byId(delivery.submissionId);
    const attempt = submission ? await this.attempt(delivery, submission).catch(unexpected) : failure('The submission no longer exists', true);
    if (attempt.ok) return; // the target's own transaction marked it sent
    const last = job.retryCount >= job.retryLimit;
    if (attempt.permanent || last) {
      await this.repository.settle(delivery.id, { status: 'failed', error: attempt.error });
      this.deps.log.warn({ deliveryId, error: attempt.error, attempts: delivery.attempts }, 'form delivery failed');
      return;
    }
    await this.repository.settle(delivery.id, { status: 'pending', error: attempt.error });
    throw new Error(attempt.error);
  }

  /** Staff's "retry" on a failed delivery: pending again, with a fresh job, audited. */
  async retry(deliveryId: string, actor: Actor): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.repository.reopen(trx, deliveryId))) return false;
      await this.deps.jobs.send(trx, DELIVER_JOB, { deliveryId });
      await this.deps.audit.record({ actorId: actor.userId, action: 'forms.delivery_retried', subjectType: 'form_delivery', subjectId: deliveryId, ip: actor.ip, requestId: actor.requestId }, trx);
      return true;
    });
  }

  private async attempt(delivery: DeliveryRecord, submission: SubmissionRecord): Promise<Attempt> {
    const { target } = delivery;
    const payload = applyMapping(submission, target.mapping);
    let result: Attempt;
    switch (target.type) {
      case 'module':
        result = await this.toModule(target.handler, submission, payload);
        break;
      case 'webhook': {
        const secret = (this.deps.env ?? process.env)[target.secretEnv];
        result = secret ? await postWebhook({ url: target.url, secret, deliveryId: delivery.id, payload, timeoutMs: this.deps.webhookTimeoutMs }) : failure(`Set the environment variable ${target.secretEnv}`, true);
        break;
      }
      case 'email':
        // The message and "sent" commit together, so a retry can never email twice.
        await this.deps.db.transaction().execute(async (trx) => {
          const answersText = target.mapping ? undefined : await this.deps.answersText?.(submission);
          const body = submissionText(submission, answersText === undefined ? { payload } : { answersText });
          await this.deps.notify.email(trx, { to: target.to, subject: target.subject ?? `${submission.formTitle}: ${submission.reference}`, body, reference: submission.reference });
          await this.repository.settle(delivery.id, { status: 'sent' }, trx);
        });
        return { ok: true };
    }
    if (result.ok) await this.repository.settle(delivery.id, { status: 'sent', externalReference: result.externalReference });
    return result;
  }

  private async toModule(name: string, submission: SubmissionRecord, payload: Record<string, unknown>): Promise<Attempt> {
    const handler = this.deps.handlers.find(name);
    if (!handler) return failure(`No submission handler called ${name} is registered`, true);
    try {
      const { externalReference } = await handler.deliver(submission, payload);
      return { ok: true, externalReference };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failure(`The ${name} handler failed: ${message}`, error instanceof PermanentDeliveryError);
    }
  }
}

/** Anything a target throws that it did not describe (a database error, a bug) is worth a retry. */
function unexpected(error: unknown): Attempt {
  return failure(error instanceof Error ? error.message : String(error), false);
}
