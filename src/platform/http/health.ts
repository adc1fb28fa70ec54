import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import client from 'prom-client';
import type { Db } from '../db/database.ts';

export interface HealthOptions {
  db: Db;
  metricsToken?: string;
}

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export async function healthRoutes(app: FastifyInstance, opts: HealthOptions): Promise<void> {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  // prom-client hashes the label object on every observe; keep one child per label set instead.
  const series = new Map<string, client.Histogram.Internal<'method' | 'route' | 'status'>>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${route} ${reply.statusCode}`;
    let child = series.get(key);
    if (!child) {
      child = duration.labels({ method: request.method, route, status: String(reply.statusCode) });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
  });

  app.get('/health/live', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { logLevel: 'warn' }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(opts.db);
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (opts.metricsToken && request.headers.authorization !== `Bearer ${opts.metricsToken}`) {
      return reply.code(401).send({ error: 'Unauthorised' });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
