import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';

/** The 429 page says "wait 15 minutes", so every window here is 15 minutes. */
const WINDOW = '15 minutes';

function emailIn(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string') return body.email.trim().toLowerCase().slice(0, 254);
  return '';
}

/**
 * Limits run after the body is parsed (`preHandler`), so sign-in can count attempts per address
 * as well as per network address; a form refused for its CSRF token does not count.
 */
export const rateLimits = {
  /** Guessing one account's password from one place. */
  signIn: { max: 10, timeWindow: WINDOW, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `sign-in|${r.ip}|${emailIn(r.body)}` },
  signUp: { max: 20, timeWindow: WINDOW, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `sign-up|${r.ip}` },
  passwordReset: { max: 10, timeWindow: WINDOW, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `reset|${r.ip}` },
  /** Guessing the current password from a session someone left open. */
  accountChange: { max: 10, timeWindow: WINDOW, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `account-change|${r.session.userId ?? r.ip}` },
  /** Per person, since the code is the only secret left to guess at this step. */
  secondFactor: { max: 10, timeWindow: WINDOW, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `totp|${r.session.userId ?? r.ip}` },
} satisfies Record<string, RateLimitOptions>;

class TooManyAttempts extends Error {
  readonly statusCode = 429;
}

/** Sign-in attempts from one network address across many accounts (password spraying). */
export function signInCeiling(app: FastifyInstance): (request: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({ max: 100, timeWindow: WINDOW, keyGenerator: (r) => `sign-in-address|${r.ip}` });
  return async (request) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) throw new TooManyAttempts('Too many sign-in attempts from this address');
  };
}
