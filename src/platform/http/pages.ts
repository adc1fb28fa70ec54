import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import type { NavItem } from './render.ts';

/** The pages every council site has: home, cookies, privacy notice, accessibility statement. */
export function pageRoutes(services: NavItem[]) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/', async (_request, reply) => reply.render('pages/home.njk', { services }));
    app.get('/cookies', async (_request, reply) => reply.render('pages/cookies.njk'));
    app.get('/privacy', async (_request, reply) => reply.render('pages/privacy.njk'));
    app.get('/accessibility', async (_request, reply) => reply.render('pages/accessibility.njk'));
  };
}

/** Outside production, messages that would go to GOV.UK Notify are shown here. */
export async function outboxRoutes(app: FastifyInstance, services: Services): Promise<void> {
  if (services.config.isProduction) return;
  app.get('/dev/outbox', async (_request, reply) => {
    const messages = await services.notify.recent(50);
    return reply.render('pages/outbox.njk', { messages, live: Boolean(services.config.notify.apiKey) });
  });
}
