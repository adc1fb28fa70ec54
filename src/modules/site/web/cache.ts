import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';

/** The channel 001_content.sql and 005_site_chrome_notify.sql notify on when live content, menus or settings change. */
const CHANNEL = 'site_published';
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_BACKOFF_MS = 30_000;

/** A page as sent to anonymous visitors: the same bytes and headers for everyone until the content changes. */
export interface CachedPage {
  /** Bytes, not a string: sending them costs no encoding per request. */
  body: Buffer;
  etag: string;
  /** The CSP with hashes of the page's inline scripts in place of a nonce (see `cacheableCsp`). */
  csp: string;
  /** When an alert banner starts or stops showing, the page is out of date (ms since the epoch). */
  expiresAt: number;
}

/**
 * Rendered pages kept in memory for visitors who are not signed in, emptied when live content changes on any
 * app node: one dedicated connection LISTENs for `site_published`. While that connection is down nothing is
 * cached (a change could go unheard), and it reconnects with backoff.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private generationCount = 0;
  private client: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private backoffMs = 250;
  private readonly listeners = new Set<() => void>();
  private firstListen: Promise<void> | undefined;
  private resolveFirstListen: (() => void) | undefined;

  /** Bumped whenever live content may have changed: a page rendered under an older generation is not stored. */
  get generation(): number {
    return this.generationCount;
  }

  /** Whether pages may be cached now (the change notifications are being heard). */
  get active(): boolean {
    return this.listening && !this.closed;
  }

  /** Starts listening for changes (once); later calls return the same promise, settled when first listening. */
  listen(databaseUrl: string, log: Logger): Promise<void> {
    if (!this.firstListen) {
      this.firstListen = new Promise((resolve) => {
        this.resolveFirstListen = resolve;
      });
      void this.connect(databaseUrl, log);
    }
    return this.firstListen;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.remove(key);
      return undefined;
    }
    // Most recently used last, so the oldest is first to go when the cache is full.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps a page rendered during `generation`, unless content changed meanwhile (it may show the old version). */
  set(key: string, generation: number, page: Omit<CachedPage, 'etag'>): CachedPage {
    const entry: CachedPage = { ...page, etag: etagOf(page.body) };
    if (!this.active || generation !== this.generationCount) return entry;
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.remove(oldest);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Forgets every page and tells the site's other in-memory copies (menus, settings, alerts) to reload. Publishing
   * triggers this on every node through the notification; the editors' pages may also call it after a write so
   * their own node shows the change at once.
   */
  invalidate(): void {
    this.generationCount++;
    this.entries.clear();
    this.bytes = 0;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every invalidation; returns a function that stops it. */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops listening for changes; called when the platform stops. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.resolveFirstListen?.();
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    this.entries.clear();
    if (client) await client.end().catch(() => undefined);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  private async connect(databaseUrl: string, log: Logger): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lastmile page cache' });
    this.client = client;
    let dropped = false;
    const lost = (error?: Error): void => {
      if (dropped) return;
      dropped = true;
      this.listening = false;
      // Changes made while we were not listening would go unheard: drop everything and cache nothing until back.
      this.invalidate();
      if (this.closed) return;
      log.warn({ err: error, retryInMs: this.backoffMs }, 'page cache lost its change notifications; reconnecting');
      this.client = undefined;
      client.end().catch(() => undefined);
      this.retry = setTimeout(() => void this.connect(databaseUrl, log), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.invalidate();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.closed || dropped) return;
    this.backoffMs = 250;
    // Anything read before we were listening may be stale.
    this.invalidate();
    this.listening = true;
    this.resolveFirstListen?.();
  }
}

/** A strong ETag from the bytes sent. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** If-None-Match matches when any listed tag (weak or strong, per RFC 9110's weak comparison) is ours, or `*`. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

/**
 * A cached page is sent to many people, so it cannot carry one response's CSP nonce (a nonce everyone has seen
 * protects nothing). Cached pages are rendered without a nonce, and their CSP allows exactly the inline scripts
 * in those bytes by hash instead; scripts from our own origin stay allowed by 'self'.
 */
export function cacheableCsp(csp: string, body: string): string {
  const hashes = [...body.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
  const withoutNonce = csp.replace(/\s*'nonce-[^']*'/g, '');
  if (hashes.length === 0) return withoutNonce;
  return withoutNonce.replace(/script-src ([^;]*)/, (_all, sources: string) => `script-src ${sources} ${hashes.join(' ')}`);
}
