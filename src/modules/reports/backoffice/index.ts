import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import type { ReportsCore } from '../core.ts';
import { PhotoLinks, photoLinkRoutes } from '../web/photo-links.ts';
import { assistedRoutes } from './assisted-routes.ts';
import { Assignments } from './assignment.ts';
import { Moderation } from './moderation.ts';
import { moderationRoutes } from './moderation-routes.ts';
import { ReportQueue } from './queue.ts';
import { queueRoutes } from './queue-routes.ts';
import { reportRoutes } from './report-routes.ts';
import type { BackOffice } from './report-view.ts';

export { REDACTION_MARK, wasRedacted } from './moderation.ts';

/** The staff back office for street reports: queue, report pages, bulk changes, moderation, exports. */
export async function backofficeRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  const office: BackOffice = {
    services,
    core,
    assignments: new Assignments(services.db, services.audit),
    moderation: new Moderation(services.db, services.audit),
  };
  // The queue's fixed paths (shortlist, export, bulk) first, so they are not read as report ids.
  await queueRoutes(app, office, new ReportQueue(services.db));
  await assistedRoutes(app, office);
  await reportRoutes(app, office);
  await moderationRoutes(app, office);
  // Photo addresses for contractors' systems: public, but only for photos moderation has left on a report.
  await photoLinkRoutes(app, services, core, new PhotoLinks(services.config.sessionSecret, services.config.baseUrl));
}
