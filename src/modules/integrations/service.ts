import type { Services } from '../../platform/services.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ReportsPort } from './ports.ts';
import { DeliveryService } from './delivery.ts';
import { contractorDispatch, type ContractorDispatch } from './dispatch.ts';
import { StatusPolling } from './polling.ts';
import { RouteBook, type Environment } from './routing.ts';

/** Everything the integrations module runs, built once per platform from its services. */
export class IntegrationsService {
  readonly db: Db;
  readonly routes: RouteBook;
  readonly delivery: DeliveryService;
  readonly polling: StatusPolling;
  readonly dispatch: ContractorDispatch;

  /** `reports` is asked for when first needed, so the reports core can connect after this is built. */
  constructor(services: Services, reports: () => ReportsPort, env: Environment = process.env) {
    const settings = services.config.contractors;
    this.db = services.db;
    this.routes = new RouteBook(env);
    this.delivery = new DeliveryService({ db: services.db, jobs: services.jobs, audit: services.audit, log: services.log, reports, env, settings });
    this.polling = new StatusPolling({ db: services.db, repository: this.delivery.repository, reports, env, log: services.log, timeoutSeconds: settings.timeoutSeconds, pollMinutes: settings.pollMinutes });
    this.dispatch = contractorDispatch({ jobs: services.jobs, reports, routes: this.routes, repository: this.delivery.repository });
  }
}
