import { sql } from 'kysely';
import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { Services } from '../../../platform/services.ts';
import { ContentfulSource } from './contentful/source.ts';
import { readStatus, type SourceStatus } from './state.ts';
import { sourcesDb } from './tables.ts';

/** Something in the source that editors should fix: an entry left out, or a part of it that could not be shown. */
export interface SyncProblem {
  entryId: string;
  message: string;
}

/** What one sync did to the live site. */
export interface SyncResult {
  /** Pages and alerts written (new or changed). */
  applied: number;
  removed: number;
  /** Entries left as they were live, because what the source sent is not valid content. */
  skipped: SyncProblem[];
  /** Parts of entries left out (rich text the site cannot show, links to entries that are not pages). */
  warnings: SyncProblem[];
  /** Pages and alerts live after the sync. */
  live: number;
}

/**
 * Where the website's content comes from. Whatever the source, the site renders only from site_published: the
 * built-in store writes it when an editor publishes; Contentful is mirrored into it by `sync`.
 */
export interface ContentSource {
  readonly name: 'builtin' | 'contentful';
  /** Whether editors change content on this site. With Contentful they edit there, and the admin pages only read. */
  readonly editable: boolean;
  /** Brings site_published up to date with the source. Throws (after recording the error) when the source fails. */
  sync(): Promise<SyncResult>;
  /**
   * Asks for a sync, in the caller's transaction, after `delaySeconds` (so a burst of webhooks makes one job).
   * False when one is already waiting, or the source never needs one.
   */
  requestSync(executor: Executor, options?: { delaySeconds?: number }): Promise<boolean>;
  /** How the last sync went, for staff. */
  status(): Promise<SourceStatus>;
  jobDefinitions(): JobDefinition<object>[];
  close(): Promise<void>;
}

/** The built-in store: publishing writes site_published directly, so there is never anything to sync. */
class BuiltinSource implements ContentSource {
  readonly name = 'builtin';
  readonly editable = true;

  constructor(private readonly services: Services) {}

  async sync(): Promise<SyncResult> {
    return { applied: 0, removed: 0, skipped: [], warnings: [], live: await liveCount(this.services.db) };
  }

  async requestSync(): Promise<boolean> {
    return false;
  }

  status(): Promise<SourceStatus> {
    return readStatus(this.services.db);
  }

  jobDefinitions(): JobDefinition<object>[] {
    return [];
  }

  async close(): Promise<void> {}
}

export function contentSource(services: Services): ContentSource {
  const settings = services.config.site;
  if (settings.source === 'contentful') {
    // The configuration refuses to load without these when the source is Contentful.
    if (!settings.contentful) throw new Error('SITE_CONTENT_SOURCE is contentful but the Contentful settings are missing');
    return new ContentfulSource(services, settings.contentful);
  }
  return new BuiltinSource(services);
}

export async function liveCount(executor: Executor): Promise<number> {
  const row = await sourcesDb(executor).selectFrom('site_published').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}
