import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/errors.ts';
import type { Actor } from './accounts.ts';
import type { CurrentUser } from './policy.ts';

declare module 'fastify' {
  interface Session {
    /** The address a sign-up was for, shown on the "Check your email" page. */
    checkEmail?: string;
    /** A TOTP secret shown during set-up, kept here until a code proves the app has it. */
    totpSetUp?: string;
  }
}

/** The signed-in person on a route whose `access` already demands one. */
export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new HttpProblem(401, 'You need to sign in to see this page');
  return request.user;
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user?.id ?? null, ip: request.ip, requestId: request.id };
}

/**
 * Only a path on this site: one leading slash, no scheme, no `//host` or `/\host`
 * (which browsers treat as another site).
 */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!/^\/(?![/\\])/.test(value) || /[\s\\]/.test(value)) return undefined;
  return value;
}

/**
 * Starts a signed-in session under a new id, so an id planted before sign-in is worthless,
 * and carries over where the person was going.
 */
export async function beginSession(request: FastifyRequest, userId: string): Promise<string | undefined> {
  const returnTo = safeReturnTo(request.session.returnTo);
  await request.session.regenerate();
  request.session.userId = userId;
  return returnTo;
}

/** A fresh session id when a signed-in person proves more (a second factor, a new password). */
export async function renewSession(request: FastifyRequest): Promise<void> {
  await request.session.regenerate(['userId', 'secondFactorAt', 'returnTo']);
}

/** Where a staff member goes after their second factor, taken from the session once. */
export function takeReturnTo(request: FastifyRequest, fallback: string): string {
  const target = safeReturnTo(request.session.returnTo) ?? fallback;
  request.session.returnTo = undefined;
  return target;
}

/**
 * Where to go once the password (or the identity provider) has been accepted. Staff who use
 * a second factor, or must set one up, go there first; the destination waits in the session.
 */
export function nextStep(request: FastifyRequest, user: CurrentUser, returnTo: string | undefined, staff2fa: 'required' | 'optional'): string {
  if (user.isStaff && user.totpEnabled) {
    request.session.returnTo = returnTo;
    return '/sign-in/two-factor';
  }
  if (user.isStaff && staff2fa === 'required') {
    request.session.returnTo = returnTo;
    return '/account/two-factor/set-up';
  }
  return returnTo ?? '/account';
}
