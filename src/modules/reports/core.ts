import type { Services } from '../../platform/services.ts';
import { formsEngine } from '../forms/index.ts';
import type { ContractorDispatch } from './contracts.ts';
import { AssetRegister, type BoundingBox } from './assets/register.ts';
import { assetCollection } from './assets/geojson.ts';
import { Categories } from './categories/catalogue.ts';
import { FixedQuestionnaire } from './feedback/ask-if-fixed.ts';
import { Locator } from './location/locator.ts';
import { SubscriberNotifier } from './notifications/subscribers.ts';
import { hashToken, looksLikeToken, ReportTokens } from './notifications/tokens.ts';
import { Pipeline } from './pipeline/submit.ts';
import { ReportRecords } from './records.ts';
import { reportsDb, type AssetLayerName } from './tables.ts';
import { ReportUpdates } from './updates/service.ts';
import { ResponseTemplates } from './updates/templates.ts';

/** Until the integrations module wires its own, reports are stored and nothing is sent to a contractor. */
const NO_DISPATCH: ContractorDispatch = { enqueue: async () => undefined };

/** Everything the reports core offers the rest of Lastmile, made once per running platform. */
export class ReportsCore {
  readonly categories: Categories;
  readonly assets: AssetRegister;
  readonly records: ReportRecords;
  readonly templates: ResponseTemplates;
  readonly locator: Locator;
  /** ReportPipeline: locate, submit, subscribe. */
  readonly pipeline: Pipeline;
  /** ReportStateChanges and the other changes after a report is made. */
  readonly updates: ReportUpdates;
  readonly questionnaire: FixedQuestionnaire;
  private readonly subscribers: SubscriberNotifier;
  private readonly db: Services['db'];
  private dispatch: ContractorDispatch = NO_DISPATCH;

  constructor(services: Services) {
    this.db = services.db;
    const db = reportsDb(services.db);
    const tokens = new ReportTokens(services.config.sessionSecret);
    // Each category's questions are its form's: the forms engine is the one place they are defined.
    this.categories = new Categories(db, () => formsEngine(services).registry);
    this.assets = new AssetRegister(services.db);
    this.records = new ReportRecords(services.db);
    this.templates = new ResponseTemplates(db);
    this.subscribers = new SubscriberNotifier(services.notify, tokens, services.config.baseUrl);
    this.locator = new Locator({ db, pool: services.pool, geography: services.geography, gazetteer: services.gazetteer, categories: this.categories, assets: this.assets });
    const changeDeps = { categories: this.categories, templates: this.templates, subscribers: this.subscribers, audit: services.audit };
    this.pipeline = new Pipeline({
      ...changeDeps,
      db: services.db,
      locator: this.locator,
      tokens,
      jobs: services.jobs,
      councilName: services.config.councilName,
      dispatch: () => this.dispatch,
    });
    this.updates = new ReportUpdates({ ...changeDeps, db: services.db, records: this.records, jobs: services.jobs, tokens });
    this.questionnaire = new FixedQuestionnaire({ ...changeDeps, db: services.db, records: this.records, notify: services.notify, baseUrl: services.config.baseUrl });
  }

  /** The integrations module hands over its dispatch in its setUp; submit uses it from then on. */
  useContractorDispatch(dispatch: ContractorDispatch): void {
    this.dispatch = dispatch;
  }

  contractorDispatch(): ContractorDispatch {
    return this.dispatch;
  }

  /** A map layer's assets in a bounding box as GeoJSON, each with what the resident is told about it (the route's answer). */
  async assetsInBox(layer: AssetLayerName, bbox: BoundingBox, limit: number) {
    const found = await this.assets.inBox(layer, bbox, limit);
    return assetCollection(found.assets, found.truncated);
  }

  /** For the unsubscribe link's landing page. Returns the report's reference, or null for a link that is no longer valid. */
  async unsubscribe(token: string): Promise<{ reference: string } | null> {
    if (!looksLikeToken(token)) return null;
    return this.db.transaction().execute(async (trx) => {
      const removed = await this.subscribers.unsubscribe(trx, hashToken(token));
      if (!removed) return null;
      const report = await this.records.find(removed.reportId, trx);
      return report ? { reference: report.reference } : null;
    });
  }
}
