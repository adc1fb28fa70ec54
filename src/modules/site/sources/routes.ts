import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../../platform/identity/sign-in-session.ts';
import type { Config } from '../../../platform/config/index.ts';
import { SITE_PERMISSIONS } from '../contracts.ts';
import type { Site } from '../index.ts';
import { liveCount } from './content-source.ts';

const access = { permission: SITE_PERMISSIONS.edit } as const;
/** Contentful sends a webhook per entry published: a short wait lets a burst of them become one sync. */
const WEBHOOK_DELAY_SECONDS = 5;
export const WEBHOOK_SECRET_HEADER = 'x-lastmile-webhook-secret';

/** The staff page for the content source (/staff/site/source), and the Contentful publish webhook. */
export async function contentSourceRoutes(app: FastifyInstance, site: Site): Promise<void> {
  const { services, source } = site;

  app.get('/staff/site/source', { config: { access } }, async (_request, reply) => {
    const [status, live] = await Promise.all([source.status(), liveCount(services.db)]);
    const contentful = services.config.site.contentful;
    return reply.render('sources/source.njk', {
      source: source.name,
      space: source.name === 'contentful' && contentful ? { id: contentful.spaceId, environment: contentful.environment } : undefined,
      status,
      live,
    });
  });

  app.post('/staff/site/source/sync', { config: { access } }, async (request, reply) => {
    if (source.name === 'contentful') {
      const actor = actorOf(request);
      const queued = await services.db.transaction().execute(async (trx) => {
        const asked = await source.requestSync(trx);
        if (asked) {
          await services.audit.record({ actorId: actor.userId, action: 'site.source_sync_requested', subjectType: 'site_source', subjectId: source.name, ip: actor.ip, requestId: actor.requestId }, trx);
        }
        return asked;
      });
      request.session.flash = queued ? 'Content will be synced from Contentful in the next minute. Refresh this page to see how it went.' : 'A sync from Contentful is already waiting to start.';
    }
    return reply.redirect('/staff/site/source', 303);
  });

  // Contentful authenticates by a secret header set on the webhook, not by a session: no CSRF token applies.
  await app.register(async (scope) => {
    // The body (Contentful's JSON about the entry) is not needed: any publish means "sync now".
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, _body, done) => done(null, undefined));
    scope.post('/site/contentful/webhook', { config: { csrf: false, access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
      const secret = webhookSecret(services.config);
      if (source.name !== 'contentful' || !secret) return reply.code(404).send({ message: 'Contentful is not the content source here' });
      const given = request.headers[WEBHOOK_SECRET_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, secret)) return reply.code(401).send({ message: 'The webhook secret is missing or wrong' });
      const queued = await services.db.transaction().execute((trx) => source.requestSync(trx, { delaySeconds: WEBHOOK_DELAY_SECONDS }));
      return reply.code(202).send({ queued });
    });
  });
}

/** Compares in constant time; hashing first makes the lengths equal, so the length does not leak either. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** CONTENTFUL_WEBHOOK_SECRET, read from the site settings (see docs/contentful.md). */
function webhookSecret(config: Config): string | undefined {
  return config.site.contentful?.webhookSecret || undefined;
}
