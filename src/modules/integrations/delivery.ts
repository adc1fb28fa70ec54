import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import type { AuditLog } from '../../platform/audit/index.ts';
import type { JobContext, JobDefinition, JobQueue } from '../../platform/jobs/index.ts';
import type { Actor } from '../../platform/identity/accounts.ts';
import type { ReportsPort, ReportForContractor } from './ports.ts';
import { failure, type Attempt } from './attempt.ts';
import { DeliveryRepository, type ClaimedDelivery } from './repository.ts';
import { resolveRoute, type Environment } from './routing.ts';
import { Open311Client } from './open311/client.ts';
import { sendServiceRequest } from './open311/send.ts';
import { postReport } from './webhook.ts';

export const DELIVER_JOB = 'integrations.deliver';

export interface ContractorSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  timeoutSeconds: number;
}

export interface DeliveryDeps {
  db: Db;
  jobs: JobQueue;
  audit: AuditLog;
  log: Logger;
  reports: () => ReportsPort;
  env: Environment;
  settings: ContractorSettings;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isDeliveryId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * The durable job that sends one report to one contractor. Failures that trying again could fix are
 * retried with backoff; after the last retry, or at once when the contractor refused the report,
 * the delivery is the dead letter staff see, with its error and "Resend".
 */
export class DeliveryService {
  readonly repository: DeliveryRepository;

  constructor(private readonly deps: DeliveryDeps) {
    this.repository = new DeliveryRepository(deps.db);
  }

  jobDefinition(): JobDefinition<{ deliveryId?: unknown }> {
    return {
      name: DELIVER_JOB,
      retryLimit: this.deps.settings.retryLimit,
      retryDelay: this.deps.settings.retryDelaySeconds,
      retryBackoff: true,
      handler: async (data, job) => {
        if (isDeliveryId(data.deliveryId)) await this.run(data.deliveryId, job);
      },
    };
  }

  async run(deliveryId: string, job: JobContext): Promise<void> {
    const { timeoutSeconds } = this.deps.settings;
    // Long enough for a look-up and a post, each allowed the whole timeout.
    const delivery = await this.repository.claim(deliveryId, timeoutSeconds * 3 + 30);
    if (!delivery) {
      // Sent or failed already: nothing to do. Still pending: another run holds it, and if that run
      // dies this job must still be here to try again once its hold runs out.
      if ((await this.repository.find(deliveryId))?.status === 'pending') throw new Error('Another run is sending this report; trying again later');
      return;
    }
    const attempt = await this.attempt(delivery).catch(unexpected);
    if (attempt.ok) {
      const { externalId, token } = attempt;
      const reports = this.deps.reports();
      await this.deps.db.transaction().execute(async (trx) => {
        await this.repository.settle(delivery.id, { status: 'sent', externalId, token }, trx);
        if (externalId) await reports.recordExternalReference?.(trx, delivery.reportId, externalId);
      });
      this.deps.log.info({ deliveryId, reportId: delivery.reportId, externalId }, 'report sent to contractor');
      return;
    }
    // Once an attempt may have arrived, every later one must look before posting (unless staff have to).
    const maybeReceived = !attempt.staffToCheck && (delivery.lookFirst || attempt.maybeReceived);
    if (attempt.permanent || job.retryCount >= job.retryLimit) {
      await this.repository.settle(delivery.id, { status: 'failed', error: attempt.error, maybeReceived });
      this.deps.log.warn({ deliveryId, reportId: delivery.reportId, error: attempt.error, attempts: delivery.attempts }, 'report could not be sent to contractor');
      return;
    }
    await this.repository.settle(delivery.id, { status: 'pending', error: attempt.error, maybeReceived });
    throw new Error(attempt.error);
  }

  /** Staff's "Resend" on a dead letter: pending again with a fresh run of retries, audited. */
  async resend(deliveryId: string, actor: Actor): Promise<boolean> {
    if (!isDeliveryId(deliveryId)) return false;
    return this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.repository.reopen(trx, deliveryId))) return false;
      await this.deps.jobs.send(trx, DELIVER_JOB, { deliveryId });
      await this.deps.audit.record({ actorId: actor.userId, action: 'integrations.delivery_resent', subjectType: 'integration_delivery', subjectId: deliveryId, ip: actor.ip, requestId: actor.requestId }, trx);
      return true;
    });
  }

  private async attempt(delivery: ClaimedDelivery): Promise<Attempt> {
    if (!delivery.route) return failure('The stored route cannot be read', true);
    const resolved = resolveRoute(delivery.route, this.deps.env);
    if (!resolved.ok) return failure(resolved.error, true);
    const report: ReportForContractor | null = await this.deps.reports().find(delivery.reportId);
    if (!report) return failure('The report no longer exists', true);
    const timeoutMs = this.deps.settings.timeoutSeconds * 1000;
    const route = resolved.route;
    if (route.type === 'webhook') return postReport({ url: route.url, secret: route.secret, deliveryId: delivery.id, report, timeoutMs });
    const client = new Open311Client(route, timeoutMs);
    return sendServiceRequest(client, report, route.serviceCode, delivery);
  }
}

/** Anything that went wrong here rather than at the contractor (a database error, a bug) is worth a retry. */
function unexpected(error: unknown): Attempt {
  // The post may have gone before the error: look first next time.
  return failure(error instanceof Error ? error.message : String(error), false, true);
}
