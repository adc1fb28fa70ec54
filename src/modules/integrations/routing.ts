import { z } from 'zod';
import type { Executor } from '../../platform/db/database.ts';
import type { ContractorRoute } from '../reports/contracts.ts';
import type { IntegrationTables } from './tables.ts';

export type Environment = Record<string, string | undefined>;

const RouteSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open311'), endpoint: z.string().min(1), apiKeyEnv: z.string().min(1), jurisdictionId: z.string().min(1).optional(), serviceCode: z.string().min(1) }),
  z.object({ type: z.literal('webhook'), url: z.string().min(1), secretEnv: z.string().min(1) }),
]);

/** A route read from jsonb; null when the stored value is not one (a hand-edited row). */
export function parseRoute(value: unknown): ContractorRoute | null {
  const parsed = RouteSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The destination's identity: "sent to the same contractor" means the same key. The names of
 * secrets are left out, so rotating a key does not make every report look unsent.
 */
export function routeKey(route: ContractorRoute): string {
  return route.type === 'open311' ? `open311 ${route.endpoint} ${route.jurisdictionId ?? ''} ${route.serviceCode}` : `webhook ${route.url}`;
}

/** The contractor's system a route sends to: the same Open311 endpoint serves several services. */
export function systemKey(route: ContractorRoute): string {
  return route.type === 'open311' ? `open311 ${route.endpoint} ${route.jurisdictionId ?? ''}` : `webhook ${route.url}`;
}

/** A route with its settings read from the environment: ready to send. */
export type ResolvedRoute =
  | { type: 'open311'; endpoint: string; apiKey: string; jurisdictionId?: string; serviceCode: string }
  | { type: 'webhook'; url: string; secret: string };

/** `$NAME` means "the value of the environment variable NAME"; anything else is the value itself. */
function setting(value: string, env: Environment): string | undefined {
  if (!value.startsWith('$')) return value;
  const found = env[value.slice(1)]?.trim();
  return found ? found : undefined;
}

/** The environment variable a `$NAME` value names, for messages to staff. */
export function settingName(value: string): string | undefined {
  return value.startsWith('$') ? value.slice(1) : undefined;
}

/** Where the route sends, or undefined while its address is not set (the category is then not routed). */
export function destination(route: ContractorRoute, env: Environment): string | undefined {
  return setting(route.type === 'open311' ? route.endpoint : route.url, env);
}

export function resolveRoute(route: ContractorRoute, env: Environment): { ok: true; route: ResolvedRoute } | { ok: false; error: string } {
  const address = destination(route, env);
  const addressName = settingName(route.type === 'open311' ? route.endpoint : route.url);
  if (!address) return { ok: false, error: `Set the environment variable ${addressName ?? ''}` };
  if (!/^https?:\/\//.test(address)) return { ok: false, error: `The contractor's address is not a web address: ${address}` };
  if (route.type === 'open311') {
    const apiKey = env[route.apiKeyEnv]?.trim();
    if (!apiKey) return { ok: false, error: `Set the environment variable ${route.apiKeyEnv} to the contractor's API key` };
    return { ok: true, route: { type: 'open311', endpoint: address.replace(/\/+$/, ''), apiKey, jurisdictionId: route.jurisdictionId, serviceCode: route.serviceCode } };
  }
  const secret = env[route.secretEnv]?.trim();
  if (!secret) return { ok: false, error: `Set the environment variable ${route.secretEnv} to the webhook's signing secret` };
  return { ok: true, route: { type: 'webhook', url: address, secret } };
}

export interface ConfiguredRoute {
  categoryCode: string;
  route: ContractorRoute | null;
  enabled: boolean;
  /** Whether reports of this category are sent now: enabled, readable, and its address set. */
  inEffect: boolean;
  /** Why not, in words for staff. */
  reason?: string;
}

/** The routing table (integration_routes): which categories go to which contractor. */
export class RouteBook {
  constructor(private readonly env: Environment) {}

  /** The route reports of this category take now, or null when they stay with the council. */
  async forCategory(executor: Executor, categoryCode: string): Promise<ContractorRoute | null> {
    const row = await executor
      .withTables<IntegrationTables>()
      .selectFrom('integration_routes')
      .select(['route', 'enabled'])
      .where('category_code', '=', categoryCode)
      .executeTakeFirst();
    if (!row?.enabled) return null;
    const route = parseRoute(row.route);
    return route && destination(route, this.env) ? route : null;
  }

  async all(executor: Executor): Promise<ConfiguredRoute[]> {
    const rows = await executor.withTables<IntegrationTables>().selectFrom('integration_routes').select(['category_code', 'route', 'enabled']).orderBy('category_code').execute();
    return rows.map((row) => {
      const route = parseRoute(row.route);
      const base = { categoryCode: row.category_code, route, enabled: row.enabled };
      if (!route) return { ...base, inEffect: false, reason: 'The stored route cannot be read' };
      if (!row.enabled) return { ...base, inEffect: false, reason: 'Turned off' };
      const address = route.type === 'open311' ? route.endpoint : route.url;
      if (!destination(route, this.env)) return { ...base, inEffect: false, reason: `Not routed: ${settingName(address) ?? 'the address'} is not set` };
      return { ...base, inEffect: true };
    });
  }
}
