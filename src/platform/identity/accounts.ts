import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../config/index.ts';
import type { Db, Executor } from '../db/database.ts';
import type { AuditLog } from '../audit/index.ts';
import type { Notifier } from '../notify/index.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { PersonalDataRegistry } from './personal-data.ts';
import { hashPassword } from './passwords.ts';

export interface AccountsDeps {
  db: Db;
  audit: AuditLog;
  notify: Notifier;
  jobs: JobQueue;
  personalData: PersonalDataRegistry;
  config: Config;
}

export interface Actor {
  userId: string | null;
  ip?: string;
  requestId?: string;
}

export class UnknownRoleError extends Error {}

/** People's accounts: creating them, roles, one-time tokens, and deletion. */
export class Accounts {
  constructor(readonly deps: AccountsDeps) {}

  async findByEmail(email: string, executor: Executor = this.deps.db) {
    return executor.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  /** Used by `lastmile user create` and the seeders: a verified account with the given roles. */
  async createVerifiedUser(input: { email: string; password: string; roles?: string[]; name?: string }, actor: Actor): Promise<string> {
    const passwordHash = await hashPassword(input.password);
    return this.deps.db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({ email: input.email.trim(), password_hash: passwordHash, email_verified_at: new Date(), name: input.name ?? null, phone: null, address: null, totp_secret: null, totp_enabled_at: null, oidc_issuer: null, oidc_subject: null, last_sign_in_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.roles?.length) await this.setRoles(user.id, input.roles, actor, trx);
      await this.deps.audit.record({ actorId: actor.userId, action: 'account.created', subjectType: 'user', subjectId: user.id, details: { roles: input.roles ?? [] }, ip: actor.ip, requestId: actor.requestId }, trx);
      return user.id;
    });
  }

  /** Replaces a person's roles, auditing what changed. */
  async setRoles(userId: string, roles: string[], actor: Actor, executor?: Executor): Promise<void> {
    const run = async (trx: Executor) => {
      const known = await trx.selectFrom('roles').select('name').execute();
      const unknown = roles.filter((r) => !known.some((k) => k.name === r));
      if (unknown.length) throw new UnknownRoleError(`Unknown role: ${unknown.join(', ')}`);
      const before = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role);
      await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
      if (roles.length) {
        await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role, granted_by: actor.userId }))).execute();
      }
      const added = roles.filter((r) => !before.includes(r));
      const removed = before.filter((r) => !roles.includes(r));
      if (added.length || removed.length) {
        await this.deps.audit.record({ actorId: actor.userId, action: 'account.roles_changed', subjectType: 'user', subjectId: userId, details: { added, removed }, ip: actor.ip, requestId: actor.requestId }, trx);
      }
    };
    if (executor?.isTransaction) return run(executor);
    await this.deps.db.transaction().execute(run);
  }

  async roles(): Promise<{ name: string; label: string; description: string; permissions: string[] }[]> {
    return this.deps.db
      .selectFrom('roles')
      .select(['name', 'label', 'description'])
      .select(sql<string[]>`coalesce((select array_agg(permission order by permission) from role_permissions rp where rp.role = roles.name), '{}')`.as('permissions'))
      .orderBy('name')
      .execute();
  }

  /** Makes a one-time token for an emailed link; only its hash is stored. */
  async issueToken(executor: Executor, userId: string, purpose: TokenPurpose, ttlMinutes: number, newEmail?: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await executor
      .insertInto('user_tokens')
      .values({ token_hash: tokenHash(token), user_id: userId, purpose, new_email: newEmail ?? null, expires_at: new Date(Date.now() + ttlMinutes * 60_000), used_at: null })
      .execute();
    return token;
  }

  /** Uses a token once: returns its row if it is valid, unexpired, unused and (when given) the user's. */
  async consumeToken(executor: Executor, token: string, purpose: TokenPurpose, userId?: string) {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    let query = executor
      .updateTable('user_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', tokenHash(token))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date());
    if (userId) query = query.where('user_id', '=', userId);
    return query.returning(['user_id', 'new_email']).executeTakeFirst();
  }

  /** Whether a token would be accepted, without using it (a page showing a form before the real use). */
  async tokenIsValid(token: string, purpose: TokenPurpose): Promise<boolean> {
    if (!TOKEN_SHAPE.test(token)) return false;
    const row = await this.deps.db
      .selectFrom('user_tokens')
      .select('user_id')
      .where('token_hash', '=', tokenHash(token))
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Spends a person's other outstanding links of one kind, so an older email cannot undo a newer change. */
  async retireTokens(executor: Executor, userId: string, purpose: TokenPurpose): Promise<void> {
    await executor.updateTable('user_tokens').set({ used_at: new Date() }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  }

  /** Signs a person out everywhere, except (when given) the session they are using. */
  async endSessions(executor: Executor, userId: string, keepSessionId?: string): Promise<void> {
    let query = executor.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) query = query.where('id', '<>', keepSessionId);
    await query.execute();
  }

  /**
   * Deletes an account: each module erases or detaches its share of the person's data, the
   * deletion is audited, then the user row goes (sessions, roles and tokens cascade). One
   * transaction, so a module that fails leaves the account as it was.
   */
  async deleteAccount(userId: string, actor: Actor): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      for (const provider of this.deps.personalData.data) await provider.erase(userId, trx);
      await this.deps.audit.record({ actorId: actor.userId, action: 'account.deleted', subjectType: 'user', subjectId: userId, details: { erasedBy: this.deps.personalData.data.map((p) => p.id) }, ip: actor.ip, requestId: actor.requestId }, trx);
      await trx.deleteFrom('users').where('id', '=', userId).execute();
    });
  }
}

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';

const TOKEN_SHAPE = /^[\w-]{20,100}$/;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
