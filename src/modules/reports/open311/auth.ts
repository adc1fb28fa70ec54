import type { FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { hashKey, type Open311Client, type Open311Clients } from './clients.ts';
import { Open311Error, badRequest } from './errors.ts';
import { text, type Params } from './params.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Open311 client found from the request's api_key, looked up once per request. */
    open311Client?: Promise<Open311Client | null>;
  }
}

/** Calls without a key (public reads) share this limit per IP address, a minute. */
export const KEYLESS_PER_MINUTE = 300;

/** The api_key, from the form body (as the spec sends it) or the query string. */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  return text(bodyParams(request), 'api_key') ?? text(queryParams(request), 'api_key');
}

export function queryParams(request: FastifyRequest): Params {
  return isParams(request.query) ? request.query : {};
}

export function bodyParams(request: FastifyRequest): Params {
  return isParams(request.body) ? request.body : {};
}

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clientOf(request: FastifyRequest, clients: Open311Clients): Promise<Open311Client | null> {
  if (!request.open311Client) {
    const key = apiKeyOf(request);
    request.open311Client = key ? clients.byKey(key) : Promise.resolve(null);
  }
  return request.open311Client;
}

/**
 * One allowance per key a minute, across every Open311 route; calls without a key are counted by
 * IP address. Installed as one hook for the whole server rather than as each route's `rateLimit`
 * config, because the plugin keeps a separate count for each route configured that way.
 */
export function rateLimitFor(clients: Open311Clients): RateLimitOptions {
  return {
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const key = apiKeyOf(request);
      return key ? `open311-key:${hashKey(key)}` : `open311-ip:${request.ip}`;
    },
    max: async (request) => (await clientOf(request, clients))?.rateLimitPerMinute ?? KEYLESS_PER_MINUTE,
    errorResponseBuilder: (request, context) =>
      new Open311Error(429, `Too many requests: ${context.max} a minute are allowed ${apiKeyOf(request) ? 'with this api_key' : 'without an api_key'}. Try again in ${context.after}.`),
  };
}

/**
 * The client a write is made for. 403 for a missing, unknown or revoked key. A key created for a
 * jurisdiction works only with that jurisdiction_id; this server serves one council, so a key
 * without one accepts any (the spec lets a single-jurisdiction server ignore it).
 */
export async function requireClient(request: FastifyRequest, clients: Open311Clients, action: string): Promise<Open311Client> {
  if (!apiKeyOf(request)) throw new Open311Error(403, `api_key is missing -- send the key the council gave you to ${action}`);
  const client = await clientOf(request, clients);
  if (!client) throw new Open311Error(403, `Invalid api_key received -- can't proceed with ${action}`);
  checkJurisdiction(client, text({ ...queryParams(request), ...bodyParams(request) }, 'jurisdiction_id'));
  return client;
}

function checkJurisdiction(client: Open311Client, given: string | undefined): void {
  if (!client.jurisdictionId) return;
  if (!given) throw badRequest(`jurisdiction_id was not provided -- this api_key is for ${client.jurisdictionId}`);
  if (given !== client.jurisdictionId) throw new Open311Error(404, `jurisdiction_id ${given} was not found -- this api_key is for ${client.jurisdictionId}`);
}
