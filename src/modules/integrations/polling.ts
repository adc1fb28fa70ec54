import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { ReportRejected, type StateChangeResult } from '../reports/contracts.ts';
import type { ReportsPort } from './ports.ts';
import type { ContractorSystem, DeliveryRepository } from './repository.ts';
import { resolveRoute, type Environment } from './routing.ts';
import { Open311Client } from './open311/client.ts';
import type { RequestUpdate } from './open311/xml.ts';
import { stateFor } from './open311/statuses.ts';

export const POLL_JOB = 'integrations.poll';

/**
 * Each poll starts this far before where the last one ended, for updates a contractor records
 * late or with a slow clock. Updates are applied once per update_id, so the overlap costs nothing.
 */
const OVERLAP_MS = 10 * 60 * 1000;
/** The longest public update text a report takes. */
const MAX_TEXT = 4000;
/** GeoReport's longest window for a listing. */
const MAX_WINDOW_MS = 90 * 24 * 3600 * 1000;

export interface PollOutcome {
  systemKey: string;
  /** Updates that changed a report. */
  applied: number;
  /** Updates for requests that are not ours, applied before, or refused by the reports core. */
  skipped: number;
  error?: string;
}

export interface PollingDeps {
  db: Db;
  repository: DeliveryRepository;
  reports: () => ReportsPort;
  env: Environment;
  log: Logger;
  timeoutSeconds: number;
  pollMinutes: number;
}

/** Reads contractors' status updates (mySociety's GET servicerequestupdates) and applies them to reports. */
export class StatusPolling {
  constructor(private readonly deps: PollingDeps) {}

  /** Minutes between polls; 0 when polling is off. */
  get minutes(): number {
    return this.deps.pollMinutes;
  }

  /** Every few minutes (CONTRACTOR_POLL_MINUTES; 0 turns polling off). */
  jobDefinition(): JobDefinition<object> {
    const minutes = this.deps.pollMinutes;
    return {
      name: POLL_JOB,
      retryLimit: 0,
      ...(minutes > 0 && { cron: `*/${minutes} * * * *` }),
      handler: async () => {
        await this.pollAll();
      },
    };
  }

  /** Polls each contractor's Open311 system that reports have gone to. One failing does not stop the others. */
  async pollAll(now: Date = new Date()): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    for (const system of await this.deps.repository.open311Systems()) {
      outcomes.push(await this.poll(system, now));
    }
    return outcomes;
  }

  private async poll(system: ContractorSystem, now: Date): Promise<PollOutcome> {
    const { systemKey: key, route } = system;
    const outcome: PollOutcome = { systemKey: key, applied: 0, skipped: 0 };
    const resolved = route ? resolveRoute(route, this.deps.env) : undefined;
    const mark = (await this.deps.repository.pollMark(key)) ?? system.firstSentAt;
    if (!resolved?.ok || resolved.route.type !== 'open311') {
      outcome.error = !resolved ? 'The stored route cannot be read' : resolved.ok ? 'Not an Open311 route' : resolved.error;
      await this.deps.repository.recordPoll(key, { error: outcome.error, polledTo: mark });
      return outcome;
    }
    const client = new Open311Client(resolved.route, this.deps.timeoutSeconds * 1000);
    await this.swapTokens(key, client);
    const start = new Date(mark.getTime() - OVERLAP_MS);
    // Whole seconds, as the query gives them: the mark is then exactly the end that was asked for.
    const end = new Date(Math.floor(Math.min(now.getTime(), start.getTime() + MAX_WINDOW_MS) / 1000) * 1000);
    const updates = await client.updates(start, end);
    if (!updates.ok) {
      outcome.error = updates.error;
      await this.deps.repository.recordPoll(key, { error: updates.error, polledTo: mark });
      this.deps.log.warn({ systemKey: key, error: updates.error }, 'could not read contractor status updates');
      return outcome;
    }
    for (const update of updates.value) {
      if (await this.apply(key, update)) outcome.applied += 1;
      else outcome.skipped += 1;
    }
    // Only now: an update that could not be applied (the database was down) is read again next time.
    await this.deps.repository.recordPoll(key, { polledTo: end });
    return outcome;
  }

  /**
   * Hands one update to the reports core, for the report its request belongs to. True when it
   * changed something; false for requests that are not ours, updates applied before, and changes
   * the core refuses (a contractor cannot reopen a closed report).
   */
  private async apply(key: string, update: RequestUpdate): Promise<boolean> {
    const delivery = await this.deps.repository.byExternalId(key, update.serviceRequestId);
    if (!delivery) return false;
    const reports = this.deps.reports();
    const to = stateFor(update.status);
    // A status we do not know still carries the contractor's words; the state stays as it is.
    if (!to) this.deps.log.warn({ systemKey: key, status: update.status, updateId: update.updateId }, 'unknown contractor status');
    // `from` is the state as we read it; if staff change it in between, read it again once.
    for (let tries = 0; tries < 2; tries++) {
      const report = await reports.find(delivery.reportId);
      if (!report) return false;
      const result = await reports
        .apply({
          reportId: report.id,
          from: report.state,
          to: to ?? report.state,
          publicText: update.description?.slice(0, MAX_TEXT),
          actor: { kind: 'contractor', id: delivery.id },
          externalUpdateId: update.updateId,
          occurredAt: update.updatedAt,
        })
        .catch((error: unknown): StateChangeResult => {
          // Refused input (such as a time that is not a time) would be refused at every poll: log it and go on.
          if (error instanceof ReportRejected) return { outcome: 'refused', reason: 'not_allowed', message: error.message };
          throw error;
        });
      if (result.outcome === 'refused' && result.reason === 'stale') continue;
      if (result.outcome === 'refused') this.deps.log.info({ systemKey: key, updateId: update.updateId, reportId: report.id, reason: result.message }, 'contractor update not applied');
      return result.outcome === 'applied';
    }
    return false;
  }

  /** "Batch" Open311 services answer a post with a token and give the id later. */
  private async swapTokens(key: string, client: Open311Client): Promise<void> {
    for (const delivery of await this.deps.repository.awaitingIds(key)) {
      if (!delivery.externalToken) continue;
      const swapped = await client.requestIdForToken(delivery.externalToken);
      const externalId = swapped.ok ? swapped.value.serviceRequestId : undefined;
      if (!externalId) continue;
      const reports = this.deps.reports();
      await this.deps.db.transaction().execute(async (trx) => {
        await this.deps.repository.recordExternalId(delivery.id, externalId, trx);
        await reports.recordExternalReference?.(trx, delivery.reportId, externalId);
      });
    }
  }
}
