import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import path from 'node:path';
import type { Services } from '../services.ts';
import type { LastmileModule } from '../module.ts';
import { createViewEnvironment, govukFrontendDist } from '../views/index.ts';
import { renderPlugin, type NavItem } from './render.ts';
import { securityPlugin } from './security.ts';
import { sessionPlugin } from './session.ts';
import { installErrorPages } from './errors.ts';
import { healthRoutes } from './health.ts';
import { policyPlugin } from '../identity/policy.ts';

const publicDir = path.resolve(import.meta.dirname, '../../../public');

export const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app: platform layers first, then each module's routes. */
export async function createHttpServer(services: Services, modules: LastmileModule[], platformRoutes: ((app: FastifyInstance, s: Services) => Promise<void>)[],
  fallbackRoutes: ((app: FastifyInstance, s: Services) => Promise<void>)[] = [],
): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: services.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });

  const navigation: NavItem[] = modules.flatMap((m) => m.navigation ?? []);
  const env = createViewEnvironment(
    modules.flatMap((m) => (m.views ? [m.views] : [])),
    { councilName: config.councilName, sessionIdleMinutes: config.sessionIdleMinutes },
    config.env === 'development',
  );

  await app.register(renderPlugin, { env });
  await app.register(securityPlugin, { production: config.isProduction, extraImgSrc: [tileSource(config.mapTileUrl)] });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Pages a module shares between anonymous visitors are answered here, before sessions and users are looked up.
  const sharers = modules.flatMap((m) => (m.sharedResponses ? [m.sharedResponses(services)] : []));
  if (sharers.length > 0) {
    app.addHook('onRequest', async (request, reply) => {
      for (const answered of sharers) if (answered(request, reply)) return reply;
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    reply.viewLocals.navigation = navigation.map((n) => ({ ...n, active: request.url.startsWith(n.href) }));
    reply.viewLocals.currentPath = request.url;
  });

  await app.register(fastifyStatic, { root: path.join(govukFrontendDist, 'govuk/assets'), prefix: '/assets/', maxAge: '1d', index: false });
  await app.register(fastifyStatic, {
    root: path.join(govukFrontendDist, 'govuk'),
    prefix: '/assets/js/',
    allowedPath: (file) => file === '/govuk-frontend.min.js',
    maxAge: '1d',
    decorateReply: false,
    index: false,
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/public/', maxAge: '1h', decorateReply: false, index: false });

  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(rateLimit, { global: false });
  await app.register(sessionPlugin, { db: services.db, secret: config.sessionSecret, idleMinutes: config.sessionIdleMinutes, secure: config.isProduction });
  await app.register(policyPlugin, { db: services.db, staff2fa: config.staff2fa });
  installErrorPages(app, config.isProduction);

  await app.register(healthRoutes, { db: services.db, metricsToken: config.metricsToken });
  const providers = modules.flatMap((m) => (m.viewLocals ? [m.viewLocals(services)] : []));
  if (providers.length > 0) {
    app.addHook('preHandler', async (request, reply) => {
      for (const provide of providers) Object.assign(reply.viewLocals, await provide(request));
    });
  }
  for (const routes of platformRoutes) await app.register(async (scope) => routes(scope, services));
  for (const m of modules) {
    const routes = m.routes;
    if (routes) await app.register(async (scope) => routes(scope, services));
  }
  // Pages the platform offers only when no module serves them (the site module has its own home page).
  for (const routes of fallbackRoutes) await app.register(async (scope) => routes(scope, services));
  return app;
}

/** The CSP source for a Leaflet tile URL template: its scheme and host, with a `{s}` subdomain as a wildcard. */
export function tileSource(template: string): string {
  const match = /^(https:\/\/[^/]+)/.exec(template);
  return (match?.[1] ?? "'self'").replace('{s}', '*');
}
