import type { Executor } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ReportsPort } from './ports.ts';
import type { DeliveryRepository, Delivery } from './repository.ts';
import type { RouteBook } from './routing.ts';
import { DELIVER_JOB } from './delivery.ts';

/** What the reports core asks of integrations. */
export interface ContractorDispatch {
  /**
   * Routes the report by its category as it stands, in the caller's transaction: a delivery row and
   * its job exist exactly when the caller commits. Does nothing when the category is not routed, or
   * when the report already went (or is going) to that destination, so calling it again after a
   * change of category sends the report on only if the new category goes somewhere else.
   * Returns the new delivery's id, if one was made.
   */
  enqueue(trx: Executor, reportId: string): Promise<string | undefined>;
  /** Where the report was sent and the contractors' references, for staff and report pages. */
  deliveriesFor(reportId: string): Promise<Delivery[]>;
}

export function contractorDispatch(deps: { jobs: JobQueue; reports: () => ReportsPort; routes: RouteBook; repository: DeliveryRepository }): ContractorDispatch {
  return {
    async enqueue(trx, reportId) {
      const report = await deps.reports().find(reportId, trx);
      if (!report) throw new Error(`No report ${reportId} to send to a contractor`);
      const route = await deps.routes.forCategory(trx, report.categoryCode);
      if (!route) return undefined;
      const deliveryId = await deps.repository.insert(trx, report, route);
      if (deliveryId) await deps.jobs.send(trx, DELIVER_JOB, { deliveryId });
      return deliveryId;
    },
    deliveriesFor: (reportId) => deps.repository.forReport(reportId),
  };
}
