import { createClient, type ContentfulClientApi } from 'contentful';
import { z } from 'zod';
import type { Executor } from '../../../../platform/db/database.ts';
import type { JobDefinition } from '../../../../platform/jobs/index.ts';
import type { Services } from '../../../../platform/services.ts';
import { liveCount, type ContentSource, type SyncProblem, type SyncResult } from '../content-source.ts';
import { advanceToken, clearSyncRequest, markSyncRequested, readStatus, recordFailure, recordSuccess, syncPosition, type SourceStatus } from '../state.ts';
import { applySyncPage } from './mirror.ts';
import { syncEntitySchema } from './model.ts';

export const CONTENTFUL_SYNC_JOB = 'site.contentful-sync';

type ContentfulSettings = NonNullable<Services['config']['site']['contentful']>;

/** A space with more pages than this in one sync is a loop, not content. */
const MAX_PAGES = 10_000;
/** An ask for a sync whose job has not started in this long is taken as lost. */
const REQUEST_STALE_MINUTES = 10;

const localesSchema = z.object({ items: z.array(z.object({ code: z.string().min(1), default: z.boolean().optional() })) });
const sdkErrorSchema = z.object({ status: z.number(), statusText: z.string().optional(), message: z.string().optional() });

/** A sync that failed; its message is what staff see on the source page. */
export class ContentfulSyncError extends Error {
  override name = 'ContentfulSyncError';
}

/**
 * Content from a Contentful space, mirrored into site_published through the Sync API: an initial sync, then
 * deltas from the stored token, on a schedule and when Contentful's publish webhook asks. Each sync page is
 * applied in one transaction together with the token that follows it, so a sync that fails part way resumes.
 */
export class ContentfulSource implements ContentSource {
  readonly name = 'contentful';
  readonly editable = false;
  private readonly client: ContentfulClientApi<undefined>;
  /** Tokens belong to one space and environment. */
  private readonly scope: string;

  constructor(
    private readonly services: Services,
    private readonly settings: ContentfulSettings,
  ) {
    this.scope = `${settings.spaceId}/${settings.environment}`;
    this.client = createClient({
      space: settings.spaceId,
      environment: settings.environment,
      accessToken: settings.accessToken,
      host: settings.host,
      insecure: settings.insecure,
      retryLimit: 3,
      timeout: 30_000,
      application: 'lastmile/1',
      logHandler: (level, data) => services.log.debug({ level, contentful: data }, 'Contentful client'),
    });
  }

  async sync(): Promise<SyncResult> {
    try {
      return await this.run();
    } catch (error) {
      const message = describeError(error);
      this.services.log.error({ err: error }, `Contentful sync failed: ${message}`);
      await recordFailure(this.services.db, message);
      throw new ContentfulSyncError(message, { cause: error });
    }
  }

  private async run(): Promise<SyncResult> {
    const { db } = this.services;
    const locale = await this.defaultLocale();
    const total = { applied: 0, removed: 0 };
    // By entry: an entry mapped again on a later page (its link now there) replaces what an earlier page said.
    const skipped = new Map<string, SyncProblem[]>();
    const warnings = new Map<string, SyncProblem[]>();
    let position = await syncPosition(db, this.scope);
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      // Page tokens and sync tokens are sent the same way (sync_token); the SDK only needs to know it has one.
      const page = await this.client.withoutLinkResolution.sync(position.token === null ? { initial: true } : { nextSyncToken: position.token }, { paginate: false });
      const nextToken = page.nextPageToken ?? page.nextSyncToken;
      if (!nextToken) throw new Error('Contentful sent a sync page with no token to carry on from');
      const entities = z.array(syncEntitySchema).parse([...page.deletedEntries, ...page.deletedAssets, ...page.entries, ...page.assets]);
      const done = page.nextPageToken === undefined;
      const from = position;
      const next = { token: nextToken, initial: from.initial && !done };
      const outcome = await db.transaction().execute(async (trx) => {
        if (!(await advanceToken(trx, this.scope, from.token, next))) return null;
        return applySyncPage(trx, entities, { locale, freshMirror: from.token === null, initialComplete: from.initial && done });
      });
      // Another sync applied this page first: it carries on from here, so this one stops.
      if (!outcome) break;
      total.applied += outcome.applied;
      total.removed += outcome.removed;
      for (const id of outcome.mapped) {
        skipped.delete(id);
        warnings.delete(id);
      }
      for (const problem of outcome.skipped) skipped.set(problem.entryId, [...(skipped.get(problem.entryId) ?? []), problem]);
      for (const problem of outcome.warnings) warnings.set(problem.entryId, [...(warnings.get(problem.entryId) ?? []), problem]);
      position = next;
      if (done) break;
    }
    const result: SyncResult = { ...total, skipped: [...skipped.values()].flat(), warnings: [...warnings.values()].flat(), live: await liveCount(db) };
    await db.transaction().execute(async (trx) => {
      await recordSuccess(trx, result);
      if (total.applied || total.removed) {
        await this.services.audit.record(
          { actorId: null, action: 'site.contentful_synced', subjectType: 'site_source', subjectId: this.name, details: { space: this.scope, applied: result.applied, removed: result.removed, skipped: result.skipped.length } },
          trx,
        );
      }
    });
    return result;
  }

  /** The space's default locale: where every field has its value (localised or not). */
  private async defaultLocale(): Promise<string> {
    const locales = localesSchema.parse(await this.client.getLocales());
    const locale = locales.items.find((l) => l.default) ?? locales.items[0];
    if (!locale) throw new Error('The Contentful environment has no locales');
    return locale.code;
  }

  async requestSync(executor: Executor, options: { delaySeconds?: number } = {}): Promise<boolean> {
    if (!(await markSyncRequested(executor, REQUEST_STALE_MINUTES))) return false;
    const startAfter = new Date(Date.now() + (options.delaySeconds ?? 0) * 1000);
    await this.services.jobs.send(executor, CONTENTFUL_SYNC_JOB, {}, { startAfter });
    return true;
  }

  status(): Promise<SourceStatus> {
    return readStatus(this.services.db);
  }

  jobDefinitions(): JobDefinition<object>[] {
    return [
      {
        name: CONTENTFUL_SYNC_JOB,
        cron: `*/${this.settings.syncMinutes} * * * *`,
        // The next scheduled sync tries again anyway; retries only cover a short outage between them.
        retryLimit: 2,
        retryDelay: 30,
        handler: async () => {
          await clearSyncRequest(this.services.db);
          await this.sync();
        },
      },
    ];
  }

  async close(): Promise<void> {}
}

/** A failure in words for staff: Contentful's own answer where there is one. */
function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return 'Contentful sent a sync page that is not in the expected format';
  if (!(error instanceof Error)) return String(error);
  let parsed: unknown;
  try {
    parsed = JSON.parse(error.message);
  } catch {
    parsed = undefined;
  }
  const answer = sdkErrorSchema.safeParse(parsed);
  if (answer.success) {
    const { status, statusText, message } = answer.data;
    return `Contentful answered ${status}${statusText ? ` ${statusText}` : ''}${message ? `: ${message}` : ''}`;
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && /^E[A-Z]+$/.test(code)) return `Could not reach Contentful (${code}): ${error.message}`;
  return error.message;
}
