import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { HttpProblem } from '../http/errors.ts';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  roles: string[];
  permissions: Set<string>;
  /** Has a staff role, so staff pages apply (and second-factor rules with them). */
  isStaff: boolean;
  totpEnabled: boolean;
}

/**
 * Who may use a route, declared on the route and checked here in one place:
 * - `public`: anyone
 * - `user`: any signed-in person
 * - a permission name such as `admin.users`: staff holding it (after their second factor)
 */
export type Access = 'public' | 'user' | { permission: string };

/** A route that declared who may use it; the role × route test walks this list. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
  interface FastifyInstance {
    /** Every session-authenticated route registered after the policy plugin that declares `access`. */
    readonly routeAccess: RouteAccess[];
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface PolicyOptions {
  db: Db;
  staff2fa: 'required' | 'optional';
}

export async function loadUser(db: Db, userId: string): Promise<CurrentUser | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'email_verified_at', 'totp_enabled_at'])
    .select((eb) => [
      sql<string[]>`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = ${eb.ref('users.id')}), '{}')`.as('roles'),
      sql<string[]>`coalesce((select array_agg(distinct rp.permission) from user_roles ur join role_permissions rp on rp.role = ur.role where ur.user_id = ${eb.ref('users.id')}), '{}')`.as('permissions'),
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.email_verified_at !== null,
    roles: row.roles,
    permissions: new Set(row.permissions),
    isStaff: row.roles.length > 0,
    totpEnabled: row.totp_enabled_at !== null,
  };
}

export function can(user: CurrentUser | null, access: Access): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'user') return true;
  return user.permissions.has(access.permission);
}

/** Loads the signed-in user and enforces each route's `access`. Routes with no `access` are public. */
export const policyPlugin = fp<PolicyOptions>(async (app, opts) => {
  app.decorateRequest('user', null);
  const routes: RouteAccess[] = [];
  app.decorate('routeAccess', { getter: () => routes });
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    // APIs that authenticate by key (Open311) set `csrf: false`; sessions and roles do not decide who uses them.
    if (!access || route.config?.csrf === false) return;
    // HEAD routes are Fastify's automatic twins of GET routes.
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('preHandler', async (request, reply) => {
    const userId = request.session.userId;
    request.user = userId ? await loadUser(opts.db, userId) : null;
    if (userId && !request.user) delete request.session.userId;
    reply.viewLocals.user = request.user;

    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'public') return;
    if (!request.user) {
      if (request.method === 'GET') request.session.returnTo = request.url;
      return reply.redirect('/sign-in');
    }
    if (access === 'user') return;
    if (!can(request.user, access)) throw new HttpProblem(403, 'You do not have permission to see this page');
    if (needsSecondFactor(request, opts.staff2fa)) {
      request.session.returnTo = request.method === 'GET' ? request.url : undefined;
      return reply.redirect(request.user.totpEnabled ? '/sign-in/two-factor' : '/account/two-factor/set-up');
    }
  });
});

function needsSecondFactor(request: FastifyRequest, staff2fa: 'required' | 'optional'): boolean {
  const user = request.user;
  if (!user) return false;
  if (request.session.secondFactorAt) return false;
  // With 2FA optional, staff who enrolled still have to use it.
  return staff2fa === 'required' || user.totpEnabled;
}
