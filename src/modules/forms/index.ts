import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import { FormRegistry } from './definition/registry.ts';
import { setUpDelivery } from './delivery/index.ts';
import { DraftService, DRAFT_EXPIRY_JOB } from './drafts/service.ts';
import { draftRoutes } from './drafts/routes.ts';
import type { FormsEngine } from './engine.ts';
import { AssetLayers, standardFieldTypes } from './fields/index.ts';
import { fileUploads } from './fields/file-upload.ts';
import { journeyRoutes } from './journey/routes.ts';
import { staffFormsPages } from './staff/index.ts';
import { formsPersonalData } from './personal-data.ts';
import { formsAccountCard } from './account-card.ts';
import { formsFileKeeper } from './files-keeper.ts';
import { applyRetention } from './retention.ts';
import { SubmissionService } from './submissions/service.ts';
import { todayInLondon } from './validation/dates.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository's form definitions, loaded at every start. */
export const FORMS_FOLDER = path.resolve(here, '../../../forms');

export type { FormsEngine } from './engine.ts';
export type { DraftSummary } from './drafts/repository.ts';
export type { SubmissionSummary } from './submissions/repository.ts';
export type { AssetLayer, Asset } from './fields/index.ts';
export type { FieldView, FormField } from './fields/types.ts';
// Reports read each street-report category's questions from its form (its choices and whether each is asked always).
export type { Form } from './definition/form.ts';
// Other modules ask a form's questions inside their own pages (report it's category questions) with these.
export { fieldViews, readFields } from './journey/read-fields.ts';
// Other modules send submissions to themselves with `formsService(services).registerSubmissionHandler(...)` in their setUp.
export { formsService, PermanentDeliveryError, type FormsService } from './delivery/index.ts';

// One engine per running platform: tests start several in one process.
const engines = new WeakMap<Services, FormsEngine>();

/** The forms engine of a started platform: its registry, drafts and submissions, for the module's other parts. */
export function formsEngine(services: Services): FormsEngine {
  const engine = engines.get(services);
  if (!engine) throw new Error('The forms module has not been set up on this platform');
  return engine;
}

async function createEngine(services: Services): Promise<FormsEngine> {
  const { db, audit, notify, config, gazetteer, log } = services;
  const registry = new FormRegistry(db, standardFieldTypes(), audit, log);
  const delivery = setUpDelivery(services, registry);
  const engine: FormsEngine = {
    registry,
    fields: registry.fields,
    assets: new AssetLayers(),
    submissions: new SubmissionService({ db, audit, notify, councilName: config.councilName }, delivery),
    drafts: new DraftService({ db, audit, notify, baseUrl: config.baseUrl, councilName: config.councilName, draftDays: config.forms.draftDays }),
    lookups: { gazetteer, assets: { layer: (name) => engine.assets.layer(name) }, files: fileUploads(services.files, db) },
    areaName: config.councilName.replace(/\s+(Metropolitan Borough |Borough |City |County )?Council$/i, ''),
    today: () => todayInLondon(),
  };
  await registry.loadFolders([FORMS_FOLDER, ...(config.forms.extraDir ? [config.forms.extraDir] : [])]);
  return engine;
}

/** Forms: definitions, the resident's journey through them, save and return, and submissions. */
export const formsModule: LastmileModule = {
  name: 'forms',
  migrations: path.join(here, 'migrations'),
  navigation: [{ href: '/forms', text: 'Forms' }],
  views: path.join(here, 'views'),
  async setUp(services) {
    const engine = await createEngine(services);
    engines.set(services, engine);
    services.jobs.define({ name: DRAFT_EXPIRY_JOB, cron: '17 3 * * *', retryLimit: 3, handler: async () => void (await applyRetention(engine)) });
    services.personalData.addData(formsPersonalData(engine.submissions.repository, engine.drafts.repository));
    services.personalData.addCard(formsAccountCard(engine.submissions.repository, engine.drafts.repository));
    // Uploads in live drafts and submissions outlive the nightly clean-up of abandoned ones.
    services.files.addKeeper('forms', formsFileKeeper(services.db));
  },
  async routes(app, services) {
    const engine = formsEngine(services);
    await journeyRoutes(app, engine);
    await draftRoutes(app, engine);
    await staffFormsPages(app, services, engine);
  },
};
