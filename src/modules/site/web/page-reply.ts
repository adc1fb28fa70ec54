import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../../platform/http/session.ts';
import type { Site } from '../index.ts';
import { cacheableCsp, notModified, type CachedPage } from './cache.ts';

/**
 * How long browsers and shared caches (a CDN) may reuse an anonymous page without asking again. A council site
 * carries alert banners (a flood warning, bin collections cancelled by snow): a minute is the longest we accept
 * before a new alert reaches someone already reading, and on a rush day that minute lets a CDN absorb most of the
 * load. After it, revalidation with the ETag costs a 304 from memory. Never past the moment an alert starts or ends.
 */
const SHARED_MAX_AGE_S = 60;

interface CachePlan {
  key: string;
  generation: number;
  /** Set once the page is rendered to be shared; only such a page is stored. */
  rendered?: { expiresAt: number };
}

const plans = new WeakMap<FastifyRequest, CachePlan>();

/**
 * Visitors without a session cookie all see the same page, so it may be shared. Anyone with a session (signed
 * in, or part-way through a form) may see their name, a flash message or a CSRF token, so they get their own.
 */
export function isAnonymous(request: FastifyRequest): boolean {
  // Read from the header itself: shared pages are answered before the cookie plugin has parsed it.
  return (request.method === 'GET' || request.method === 'HEAD') && !SESSION_COOKIE_PRESENT.test(request.headers.cookie ?? '');
}
const SESSION_COOKIE_PRESENT = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/**
 * Answers from the cache when it can (a 304 when the visitor already has the page) and returns true; otherwise
 * returns false, having planned to share the page the route is about to render if the visitor is anonymous.
 * `key` names the page (its path, and the query where it changes the page); undefined: never shared.
 */
export function sendCached(site: Site, request: FastifyRequest, reply: FastifyReply, key: string | undefined): boolean {
  if (key === undefined || !isAnonymous(request)) return false;
  const hit = site.pages.get(key);
  if (!hit) {
    // A HEAD answer has no body to keep.
    if (request.method === 'GET') plans.set(request, { key, generation: site.pages.generation });
    return false;
  }
  sharedHeaders(reply, hit);
  if (notModified(request.headers['if-none-match'], hit.etag)) reply.code(304).send();
  else reply.type('text/html; charset=utf-8').send(hit.body);
  return true;
}

/**
 * Renders a site page: shared with every anonymous visitor (cached, ETag, public) when the route planned it, or for
 * this person only. `expiresAt`: when the page goes out of date by itself (an event in a list finishes).
 */
export function renderSitePage(reply: FastifyReply, template: string, data: Record<string, unknown>, options: { preview?: boolean; expiresAt?: number } = {}): FastifyReply {
  const plan = options.preview ? undefined : plans.get(reply.request);
  if (!plan) {
    reply.header('cache-control', options.preview ? 'no-store' : 'private, no-cache');
    return reply.render(template, data);
  }
  plan.rendered = { expiresAt: options.expiresAt ?? Infinity };
  // Shared bytes must not carry this response's nonce (see cacheableCsp); the path is the cache key, not the URL.
  return reply.render(template, { ...data, cspNonce: '', currentPath: plan.key });
}

/**
 * The routes' onSend hook: keeps a page rendered to be shared and gives it the shared headers. It goes out of
 * date when an alert starts or stops showing (`alertChange`), if not before.
 */
export async function storeShared(site: Site, request: FastifyRequest, reply: FastifyReply, payload: unknown, alertChange: () => number | Promise<number>): Promise<unknown> {
  const plan = plans.get(request);
  if (!plan?.rendered || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  plans.delete(request);
  const csp = cacheableCsp(String(reply.getHeader('content-security-policy') ?? ''), payload);
  const expiresAt = Math.min(plan.rendered.expiresAt, await alertChange());
  const entry = site.pages.set(plan.key, plan.generation, { body: Buffer.from(payload), csp, expiresAt });
  sharedHeaders(reply, entry);
  return entry.body;
}

function sharedHeaders(reply: FastifyReply, page: CachedPage): void {
  const untilChange = Math.floor((page.expiresAt - Date.now()) / 1000);
  reply.header('etag', page.etag);
  reply.header('content-security-policy', page.csp);
  reply.header('cache-control', `public, max-age=${Math.max(0, Math.min(SHARED_MAX_AGE_S, untilChange))}`);
  reply.header('vary', 'Cookie');
}
