import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import type { NavItem } from './render.ts';

/**
 * The pages every council site has: home, cookies, privacy notice, accessibility statement. Registered after the
 * modules, each only if no module (the website) already serves that address.
 */
export function pageRoutes(services: NavItem[]) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const config = { access: 'public' } as const;
    const pages: [string, string][] = [
      ['/cookies', 'pages/cookies.njk'],
      ['/privacy', 'pages/privacy.njk'],
      ['/accessibility', 'pages/accessibility.njk'],
    ];
    if (!app.hasRoute({ method: 'GET', url: '/' })) {
      app.get('/', { config }, async (_request, reply) => reply.render('pages/home.njk', { services }));
    }
    for (const [url, template] of pages) {
      if (!app.hasRoute({ method: 'GET', url })) app.get(url, { config }, async (_request, reply) => reply.render(template));
    }
  };
}

/** Outside production, messages that would go to GOV.UK Notify are shown here. */
export async function outboxRoutes(app: FastifyInstance, services: Services): Promise<void> {
  if (services.config.isProduction) return;
  app.get('/dev/outbox', { config: { access: 'public' } }, async (_request, reply) => {
    const messages = await services.notify.recent(50);
    return reply.render('pages/outbox.njk', { messages, live: Boolean(services.config.notify.apiKey) });
  });
}
