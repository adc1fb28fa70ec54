import { createHash } from 'node:crypto';
import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Db } from '../db/database.ts';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, result?: Session | null) => void;

/**
 * Sessions live in Postgres so app nodes stay stateless. A session unchanged since its last
 * write is only re-touched once a minute, so a page view does not always cost a write.
 */
export class PostgresSessionStore implements SessionStore {
  private readonly lastWrite = new Map<string, { digest: string; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    const data: Record<string, unknown> = JSON.parse(JSON.stringify(session));
    delete data.cookie;
    const digest = createHash('sha1').update(JSON.stringify(data)).digest('hex');
    const previous = this.lastWrite.get(sessionId);
    const now = Date.now();
    if (previous && previous.digest === digest && now - previous.at < 60_000) {
      callback();
      return;
    }
    const userId = typeof data.userId === 'string' ? data.userId : null;
    const expiresAt = new Date(now + this.idleMs);
    this.db
      .insertInto('sessions')
      .values({ id: sessionId, data: JSON.stringify(data), user_id: userId, expires_at: expiresAt })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ data: JSON.stringify(data), user_id: userId, expires_at: expiresAt, updated_at: new Date() }),
      )
      .execute()
      .then(() => {
        this.remember(sessionId, digest, now);
        callback();
      }, callback);
  }

  get(sessionId: string, callback: GetCallback): void {
    this.db
      .selectFrom('sessions')
      .select(['data'])
      .where('id', '=', sessionId)
      .where('expires_at', '>', new Date())
      .executeTakeFirst()
      .then((row) => callback(null, row ? (row.data as unknown as Session) : null), callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.lastWrite.delete(sessionId);
    this.db
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .execute()
      .then(() => callback(), callback);
  }

  private remember(sessionId: string, digest: string, at: number): void {
    if (this.lastWrite.size > 10_000) this.lastWrite.clear();
    this.lastWrite.set(sessionId, { digest, at });
  }
}
