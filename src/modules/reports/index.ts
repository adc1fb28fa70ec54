import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import type { ReportRerouted } from './contracts.ts';
import { yourReportsCard, reportsPersonalData } from './account.ts';
import { assetRoutes } from './assets/routes.ts';
import { open311Routes } from './open311/index.ts';
import { ReportsCore } from './core.ts';
import { ruleProblems } from './categories/assessment.ts';
import { reportFormCheck } from './categories/publish-check.ts';
import { seedReportsDemo } from './demo/seed.ts';
import { REROUTED_JOB } from './updates/reroute.ts';
import { connectReports, contractorDispatch } from '../integrations/index.ts';
import { formsEngine, type FormsEngine } from '../forms/index.ts';
import { formsAssetLayers } from './assets/forms-layers.ts';
import { residentReportRoutes } from './web/routes.ts';
import { backofficeRoutes } from './backoffice/index.ts';
import { reportAlertRoutes, setUpReportAlerts } from './alerts/index.ts';
import { contractorPort, PhotoLinks } from './web/photo-links.ts';
import { reportsFileKeeper } from './files-keeper.ts';

export type * from './contracts.ts';
export { ReportRejected } from './contracts.ts';
export type { ReportsCore } from './core.ts';
export type { Report, ReportUpdate, ReportFilter } from './records.ts';
export type { ReportCategory } from './categories/catalogue.ts';
export type { CategoryQuestion } from './categories/questions.ts';
export type { StreetAsset, AssetStanding, ResidentAssetStatus } from './assets/register.ts';
export type { ResidentOutcome, Resident } from './updates/resident.ts';
export type { StaffOutcome } from './updates/reroute.ts';
export type { FixedAnswer } from './feedback/ask-if-fixed.ts';
export { normaliseReportReference } from './reference.ts';
export { STATE_LABELS, OPEN_STATES, CLOSED_STATES } from './states.ts';
export { ASK_IF_FIXED_JOB } from './feedback/ask-if-fixed.ts';
export { REROUTED_JOB } from './updates/reroute.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

// One core per running platform (tests run several in one process), made by whichever module asks first.
const cores = new WeakMap<Services, ReportsCore>();

/** The reports core for other modules: `reports(services).pipeline.submit(…)`, `.updates.apply(…)`, and so on. */
export function reports(services: Services): ReportsCore {
  let core = cores.get(services);
  if (!core) {
    core = new ReportsCore(services);
    cores.set(services, core);
  }
  return core;
}

/** Street reports: potholes, streetlights and drains, reported and tracked to the fix. */
export const reportsModule: LastmileModule = {
  name: 'reports',
  migrations: path.join(here, 'migrations'),
  navigation: [{ href: '/report', text: 'Report a problem' }],
  views: path.join(here, 'views'),
  async setUp(services) {
    const core = reports(services);
    // The priority rules name questions and answers of the categories' forms. A form version staff published without
    // one is said loudly, but does not stop the council's services from starting: reports still arrive, unprioritised.
    const problems = ruleProblems(await core.categories.all());
    if (problems.length) services.log.error({ problems }, "the report priority rules do not match the categories' forms");
    formsOn(services)?.registry.addPublishCheck(reportFormCheck(core.categories));
    services.jobs.define(core.questionnaire.jobDefinition());
    services.jobs.define<ReportRerouted>({
      name: REROUTED_JOB,
      retryLimit: 8,
      retryDelay: 60,
      retryBackoff: true,
      handler: async (event) => {
        const dispatch = core.contractorDispatch();
        if (dispatch.rerouted) return dispatch.rerouted(event);
        // Asked again, a dispatch sends the report on only if its new category goes somewhere else.
        await services.db.transaction().execute((trx) => dispatch.enqueue(trx, event.reportId));
      },
    });
    // Contractor integration: it reads reports and applies contractors' updates through the core,
    // and the core's submit hands each new report to its dispatch inside the submit transaction.
    // Photos go to contractors as signed public addresses (web/photo-links.ts).
    connectReports(services, contractorPort(core, new PhotoLinks(services.config.sessionSecret, services.config.baseUrl)));
    core.useContractorDispatch(contractorDispatch(services));
    // The forms engine's `asset` questions find streetlights and drains by their plate numbers.
    const forms = formsOn(services);
    if (forms) for (const layer of formsAssetLayers(core.assets, services.gazetteer)) forms.assets.add(layer);
    services.personalData.addCard(yourReportsCard(services.db, core.records));
    services.personalData.addData(reportsPersonalData(services.db));
    // Email alerts about new reports in a ward or near a place (./alerts): their job, personal data and pages.
    setUpReportAlerts(services, core);
    // Reports' photos, hidden ones too, outlive the nightly clean-up of abandoned uploads.
    services.files.addKeeper('reports', reportsFileKeeper(services.db));
  },
  async routes(app, services) {
    const core = reports(services);
    await assetRoutes(app, core);
    // The Open311 GeoReport v2 server (./open311) takes reports through the same core.
    await open311Routes(app, core, services);
    await residentReportRoutes(app, services);
    await backofficeRoutes(app, services, core);
    await reportAlertRoutes(app, services, core);
  },
  seedDemo: (services, progress) => seedReportsDemo(services, progress),
};

/** The forms engine, when this platform runs the forms module (set up before this one). */
function formsOn(services: Services): FormsEngine | undefined {
  try {
    return formsEngine(services);
  } catch {
    return undefined;
  }
}
