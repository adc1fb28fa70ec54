import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import csrf from '@fastify/csrf-protection';
import type { Db } from '../db/database.ts';
import { PostgresSessionStore } from '../identity/session-store.ts';

declare module 'fastify' {
  interface Session {
    userId?: string;
    /** Set once a staff member has passed their second factor in this session. */
    secondFactorAt?: number;
    flash?: string;
    returnTo?: string;
    oidc?: { state: string; nonce: string; codeVerifier: string };
  }
  interface FastifyContextConfig {
    /** Set to false on API routes that authenticate by key rather than by session. */
    csrf?: boolean;
  }
}

export interface SessionOptions {
  db: Db;
  secret: string;
  idleMinutes: number;
  secure: boolean;
}

export const SESSION_COOKIE = 'lastmile_session';

/** Server-side sessions in Postgres, expiring when idle, and CSRF tokens on every unsafe request. */
export const sessionPlugin = fp<SessionOptions>(async (app, opts) => {
  const idleMs = opts.idleMinutes * 60_000;
  await app.register(cookie);
  await app.register(session, {
    secret: opts.secret,
    cookieName: SESSION_COOKIE,
    store: new PostgresSessionStore(opts.db, idleMs),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secure, maxAge: idleMs, path: '/' },
  });
  await app.register(csrf, { sessionPlugin: '@fastify/session', getToken: (req) => csrfTokenFrom(req.body) });

  app.addHook('onRequest', async (request, reply) => {
    // Lazy: only pages with a form create a CSRF secret (and so a session) for a visitor.
    reply.viewLocals.csrfToken = () => reply.generateCsrf();
    const flash = request.session.flash;
    if (flash) {
      reply.viewLocals.flash = flash;
      request.session.flash = undefined;
    }
  });

  app.addHook('preHandler', (request, reply, done) => {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    if (!unsafe || request.routeOptions.config.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
});

function csrfTokenFrom(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && '_csrf' in body && typeof body._csrf === 'string') return body._csrf;
  return undefined;
}
