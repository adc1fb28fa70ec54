import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { FieldError } from '../../../platform/http/forms.ts';
import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Services } from '../../../platform/services.ts';
import { contentDocumentSchema, type ContentDocument, type SiteBundle, type SiteBundleInput } from '../contracts.ts';
import { putPublished, removePublished, type PublishedContentStore } from '../published.ts';
import { loadAddressBook, type AddressBook, type RouteMatcher } from './addresses.ts';
import { exportBundle, importBundle } from './bundle.ts';
import { documentDiff, type FieldDiff } from './diff.ts';
import { brokenLinks } from './links.ts';
import { readableDateTime } from './london-time.ts';
import { clashProblem, isUniqueViolation, isUuid, liveTopicProblems, parseDocument, topicProblems } from './checks.ts';
import { brokenLinkReport, type BrokenLinkRow } from './link-report.ts';
import { ContentRefused, problem } from './problems.ts';
import { editorialDb, latestVersions } from './tables.ts';

export { ContentRefused, SiteBundleRefused } from './problems.ts';
export { parseDocument } from './checks.ts';
export type { BrokenLinkRow } from './link-report.ts';

/** Who is acting: a member of staff, or null for the system (demo seed, import from the command line). */
export interface Editor {
  actorId: string | null;
}

type Executor = Kysely<PlatformTables>;

export const SCHEDULE_JOB = 'site.scheduled-change';
const ScheduleJob = z.object({ scheduleId: z.uuid() });

/** Content saves take this lock, so two editors cannot claim one address between check and write. */
const CONTENT_LOCK = 7_270_310;

export type ScheduleAction = 'publish' | 'unpublish';

export interface Schedule {
  id: string;
  action: ScheduleAction;
  version: number | null;
  runAt: Date;
}

export interface ContentItem {
  id: string;
  type: ContentDocument['type'];
  latestVersion: number;
  publishedVersion: number | null;
  document: ContentDocument;
  updatedAt: Date;
  schedules: Schedule[];
}

export interface VersionRecord {
  version: number;
  document: ContentDocument;
  authorName: string | null;
  note: string;
  createdAt: Date;
}

export interface SaveDraft {
  /** Absent for a new item. */
  id?: string;
  /** The version the editor started from; a save on top of anything else is refused. */
  baseVersion?: number;
  document: unknown;
  note?: string;
}

/** Drafts, publishing (now or at a time), unpublishing, history, rollback, import and export. */
export class SiteEditorial {
  private routes: RouteMatcher | undefined;

  constructor(
    readonly services: Services,
    readonly published: PublishedContentStore,
  ) {}

  /** Lets link and address checks know the app's own routes (set when the HTTP app is built). */
  useRoutes(routes: RouteMatcher): void {
    this.routes = routes;
  }

  jobDefinitions(): JobDefinition<{ scheduleId: string }>[] {
    return [{ name: SCHEDULE_JOB, retryLimit: 5, handler: async (data) => this.runSchedule(ScheduleJob.parse(data).scheduleId) }];
  }

  addressBook(executor: Executor = this.services.db, options: { redirects?: string[] } = {}): Promise<AddressBook> {
    return loadAddressBook(executor, this.routes, options);
  }

  // ——— reading ———

  async item(id: string, executor: Executor = this.services.db): Promise<ContentItem | undefined> {
    if (!isUuid(id)) return undefined;
    const db = editorialDb(executor);
    const row = await latestVersions(executor)
      .select(['c.id', 'c.type', 'c.latest_version', 'c.published_version', 'c.updated_at', 'v.document'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const schedules = await db
      .selectFrom('site_schedules')
      .select(['id', 'action', 'version', 'run_at'])
      .where('content_id', '=', id)
      .where('cancelled_at', 'is', null)
      .where('done_at', 'is', null)
      .orderBy('run_at')
      .execute();
    return {
      id: row.id,
      type: row.type,
      latestVersion: row.latest_version,
      publishedVersion: row.published_version,
      document: contentDocumentSchema.parse(row.document),
      updatedAt: row.updated_at,
      schedules: schedules.map((s) => ({ id: s.id, action: s.action, version: s.version, runAt: s.run_at })),
    };
  }

  async version(id: string, version: number, executor: Executor = this.services.db): Promise<VersionRecord | undefined> {
    return (await this.versions(id, executor, version))[0];
  }

  /** Every saved version, newest first. */
  async history(id: string): Promise<VersionRecord[]> {
    return this.versions(id, this.services.db);
  }

  private async versions(id: string, executor: Executor, only?: number): Promise<VersionRecord[]> {
    if (!isUuid(id)) return [];
    let query = editorialDb(executor)
      .selectFrom('site_content_versions as v')
      .leftJoin('users as u', 'u.id', 'v.author_id')
      .select(['v.version', 'v.document', 'v.note', 'v.created_at', 'u.name', 'u.email'])
      .where('v.content_id', '=', id);
    if (only !== undefined) query = query.where('v.version', '=', only);
    const rows = await query.orderBy('v.version', 'desc').execute();
    return rows.map((r) => ({ version: r.version, document: contentDocumentSchema.parse(r.document), authorName: r.name ?? r.email, note: r.note, createdAt: r.created_at }));
  }

  /** What changed between two versions, field by field. */
  async diff(id: string, from: number, to: number): Promise<FieldDiff[] | undefined> {
    const [a, b] = await Promise.all([this.version(id, from), this.version(id, to)]);
    if (!a || !b) return undefined;
    const titles = await this.topicTitles();
    return documentDiff(a.document, b.document, (topicId) => titles.get(topicId) ?? topicId);
  }

  /** Every topic's title (its latest version), for choosing and naming topics. */
  async topicTitles(): Promise<Map<string, string>> {
    const rows = await latestVersions(this.services.db)
      .select(['c.id', sql<string>`v.document->>'title'`.as('title')])
      .where('c.type', '=', 'topic')
      .orderBy('title')
      .execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  // ——— writing ———

  /** Saves a new item, or a new version of one. Refused with every problem, writing nothing, if it is not sound. */
  async saveDraft(input: SaveDraft, editor: Editor): Promise<{ id: string; version: number }> {
    const document = parseDocument(input.document);
    return this.services.db.transaction().execute((trx) => this.saveIn(trx, input.id, input.baseVersion, document, input.note ?? '', editor));
  }

  private async saveIn(trx: Executor, id: string | undefined, baseVersion: number | undefined, document: ContentDocument, note: string, editor: Editor): Promise<{ id: string; version: number }> {
    await sql`select pg_advisory_xact_lock(${CONTENT_LOCK})`.execute(trx);
    const db = editorialDb(trx);
    const current = id ? await db.selectFrom('site_content').select(['id', 'type', 'latest_version']).where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
    if (id && !current) throw new ContentNotFound();
    if (current && current.type !== document.type) throw new ContentRefused([problem('title', 'The type of an item cannot change: make a new item instead')]);
    if (current && baseVersion !== undefined && current.latest_version !== baseVersion) {
      throw new ContentRefused([
        problem('title', `Someone else saved version ${current.latest_version} while you were editing version ${baseVersion}. Your changes have not been saved: copy them, open the latest version and make them again`),
      ]);
    }
    const contentId = current?.id ?? crypto.randomUUID();
    const problems = await this.contentProblems(trx, contentId, document);
    if (problems.length > 0) throw new ContentRefused(problems);
    const version = (current?.latest_version ?? 0) + 1;
    if (current) {
      await db.updateTable('site_content').set({ path: document.path, latest_version: version, updated_at: new Date() }).where('id', '=', contentId).execute();
    } else {
      await db.insertInto('site_content').values({ id: contentId, type: document.type, path: document.path, latest_version: 1, created_by: editor.actorId }).execute();
    }
    await db
      .insertInto('site_content_versions')
      .values({ content_id: contentId, version, document: JSON.stringify(document), author_id: editor.actorId, note: note.slice(0, 500) })
      .execute();
    return { id: contentId, version };
  }

  /** Address, topics and internal links of a document about to be saved as an item's latest version. */
  private async contentProblems(trx: Executor, id: string, document: ContentDocument): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const book = await this.addressBook(trx);
    const clash = book.clash(id, document);
    if (clash) problems.push(clashProblem(clash, document));
    book.set(id, 'latest', document);
    const seen = new Set<string>();
    for (const link of brokenLinks(document, (path) => book.resolves(path))) {
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      problems.push(problem(link.field, `The link to ${link.href} goes to a page that does not exist. Check the address, or create the page first`));
    }
    problems.push(...(await topicProblems(trx, id, document)));
    return problems;
  }

  /** Makes a version live (the latest unless given). Publishing now replaces any publish scheduled for later. */
  async publish(id: string, editor: Editor, options: { version?: number } = {}): Promise<{ version: number }> {
    return this.services.db.transaction().execute(async (trx) => {
      const version = await this.publishIn(trx, id, options.version, editor);
      await this.cancelIn(trx, id, 'publish', editor, 'published now');
      return { version };
    });
  }

  private async publishIn(trx: Executor, id: string, wanted: number | undefined, editor: Editor, details: Record<string, unknown> = {}): Promise<number> {
    const db = editorialDb(trx);
    const row = await db.selectFrom('site_content').select(['latest_version', 'published_version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new ContentNotFound();
    const version = wanted ?? row.latest_version;
    const record = await this.version(id, version, trx);
    if (!record) throw new ContentNotFound();
    const problems = await liveTopicProblems(trx, record.document);
    if (problems.length > 0) throw new ContentRefused(problems);
    try {
      await putPublished(trx, { id, version, document: record.document });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ContentRefused([problem('path', `Another live page has the address ${record.document.path ?? ''}. Change this page's address first`)]);
      throw error;
    }
    await db.updateTable('site_content').set({ published_version: version, updated_at: new Date() }).where('id', '=', id).execute();
    await this.services.audit.record(
      { actorId: editor.actorId, action: 'site.published', subjectType: 'site_content', subjectId: id, details: { version, title: record.document.title, path: record.document.path, ...details } },
      trx,
    );
    return version;
  }

  /** Takes an item off the site. A topic that live pages sit under or are tagged to stays until they move. */
  async unpublish(id: string, editor: Editor): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      await this.unpublishIn(trx, id, editor);
      await this.cancelIn(trx, id, 'unpublish', editor, 'unpublished now');
    });
  }

  private async unpublishIn(trx: Executor, id: string, editor: Editor, details: Record<string, unknown> = {}): Promise<void> {
    const db = editorialDb(trx);
    const row = await db.selectFrom('site_content').select(['type', 'published_version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new ContentNotFound();
    if (row.published_version === null) throw new ContentRefused([problem('unpublish', 'This item is not published')]);
    if (row.type === 'topic') {
      const dependants = await db
        .selectFrom('site_published')
        .select('title')
        .where((eb) => eb.or([eb(eb.val(id), '=', eb.fn.any('topic_ids')), sql<boolean>`document->'fields'->>'parentId' = ${id}`, sql<boolean>`document->'fields'->'featuredTopicIds' ? ${id}`]))
        .orderBy('title')
        .limit(6)
        .execute();
      if (dependants.length > 0) {
        const names = dependants.slice(0, 5).map((d) => `"${d.title}"`).join(', ');
        throw new ContentRefused([problem('unpublish', `Live pages sit under or are tagged to this topic: ${names}${dependants.length > 5 ? ' and more' : ''}. Move or unpublish them first`)]);
      }
    }
    await removePublished(trx, id);
    await db.updateTable('site_content').set({ published_version: null, updated_at: new Date() }).where('id', '=', id).execute();
    await this.services.audit.record({ actorId: editor.actorId, action: 'site.unpublished', subjectType: 'site_content', subjectId: id, details }, trx);
  }

  /**
   * Publishes (the latest version, as it is now) or unpublishes at a time, through the job queue. A new schedule
   * replaces a pending one of the same kind.
   */
  async schedule(id: string, action: ScheduleAction, runAt: Date, editor: Editor, now = new Date()): Promise<Schedule> {
    const field = action === 'publish' ? 'publishAt-day' : 'unpublishAt-day';
    if (runAt.getTime() <= now.getTime()) throw new ContentRefused([problem(field, `The ${action} time must be in the future`)]);
    return this.services.db.transaction().execute(async (trx) => {
      const db = editorialDb(trx);
      const row = await db.selectFrom('site_content').select(['latest_version', 'published_version']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new ContentNotFound();
      if (action === 'unpublish' && row.published_version === null) {
        const publishing = await db.selectFrom('site_schedules').select('run_at').where('content_id', '=', id).where('action', '=', 'publish').where('cancelled_at', 'is', null).where('done_at', 'is', null).executeTakeFirst();
        if (!publishing || publishing.run_at >= runAt) throw new ContentRefused([problem(field, 'Publish this item, or schedule it to be published earlier, before choosing when it comes down')]);
      }
      await this.cancelIn(trx, id, action, editor, 'replaced');
      const version = action === 'publish' ? row.latest_version : null;
      const schedule = await db.insertInto('site_schedules').values({ content_id: id, action, version, run_at: runAt, created_by: editor.actorId }).returning('id').executeTakeFirstOrThrow();
      await this.services.jobs.send(trx, SCHEDULE_JOB, { scheduleId: schedule.id }, { startAfter: runAt });
      await this.services.audit.record(
        { actorId: editor.actorId, action: `site.${action}_scheduled`, subjectType: 'site_content', subjectId: id, details: { scheduleId: schedule.id, version, runAt: runAt.toISOString() } },
        trx,
      );
      return { id: schedule.id, action, version, runAt };
    });
  }

  async cancelSchedule(id: string, action: ScheduleAction, editor: Editor): Promise<boolean> {
    return this.services.db.transaction().execute((trx) => this.cancelIn(trx, id, action, editor, 'cancelled'));
  }

  private async cancelIn(trx: Executor, id: string, action: ScheduleAction, editor: Editor, reason: string): Promise<boolean> {
    const cancelled = await editorialDb(trx)
      .updateTable('site_schedules')
      .set({ cancelled_at: new Date() })
      .where('content_id', '=', id)
      .where('action', '=', action)
      .where('cancelled_at', 'is', null)
      .where('done_at', 'is', null)
      .returning(['id', 'run_at'])
      .execute();
    for (const s of cancelled) {
      await this.services.audit.record(
        { actorId: editor.actorId, action: `site.${action}_schedule_cancelled`, subjectType: 'site_content', subjectId: id, details: { scheduleId: s.id, runAt: s.run_at.toISOString(), reason } },
        trx,
      );
    }
    return cancelled.length > 0;
  }

  /** The job: acts only if its schedule is still pending, so cancelled and replaced schedules do nothing. */
  async runSchedule(scheduleId: string): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      const db = editorialDb(trx);
      const schedule = await db.selectFrom('site_schedules').selectAll().where('id', '=', scheduleId).forUpdate().executeTakeFirst();
      if (!schedule || schedule.cancelled_at || schedule.done_at) return;
      const system: Editor = { actorId: schedule.created_by };
      const details = { scheduleId, scheduledFor: readableDateTime(schedule.run_at) };
      let failed: string | null = null;
      try {
        if (schedule.action === 'publish') await this.publishIn(trx, schedule.content_id, schedule.version ?? undefined, system, details);
        else await this.unpublishIn(trx, schedule.content_id, system, details);
      } catch (error) {
        // Checks run before any write, so the transaction is still good for recording why.
        if (!(error instanceof ContentRefused)) throw error;
        failed = error.message;
        await this.services.audit.record({ actorId: null, action: `site.${schedule.action}_schedule_failed`, subjectType: 'site_content', subjectId: schedule.content_id, details: { ...details, reason: failed } }, trx);
      }
      await db.updateTable('site_schedules').set({ done_at: new Date(), failed_reason: failed }).where('id', '=', scheduleId).execute();
    });
  }

  /** An old version's content becomes the newest version; a publisher may publish it in the same step. */
  async rollback(id: string, version: number, editor: Editor, options: { publish: boolean }): Promise<{ version: number; published: boolean }> {
    return this.services.db.transaction().execute(async (trx) => {
      const old = await this.version(id, version, trx);
      if (!old) throw new ContentNotFound();
      const saved = await this.saveIn(trx, id, undefined, old.document, `Rolled back to version ${version}`, editor);
      await this.services.audit.record({ actorId: editor.actorId, action: 'site.rolled_back', subjectType: 'site_content', subjectId: id, details: { from: version, newVersion: saved.version } }, trx);
      if (options.publish) {
        await this.publishIn(trx, id, saved.version, editor, { rollbackOf: version });
        await this.cancelIn(trx, id, 'publish', editor, 'published now');
      }
      return { version: saved.version, published: options.publish };
    });
  }

  // ——— reports, import and export ———

  /** Live pages and drafts whose internal links go nowhere. */
  async brokenLinkReport(): Promise<BrokenLinkRow[]> {
    return brokenLinkReport(this.services.db, await this.addressBook());
  }

  exportBundle(): Promise<SiteBundle> {
    return exportBundle(this.services);
  }

  /**
   * Checks the whole bundle (schema, references, addresses, internal links) and writes it in one transaction, or
   * throws with every problem and writes nothing. Items already present (same id) get a new version.
   */
  async importBundle(bundle: SiteBundleInput, editor: Editor, options: { publish: boolean }): Promise<{ created: number; updated: number }> {
    return importBundle(this, bundle, editor, options);
  }
}

/** The item asked for does not exist (a stale link, a deleted item): a 404 for routes. */
export class ContentNotFound extends Error {
  override name = 'ContentNotFound';
}

