import type { FastifyInstance } from 'fastify';
import type { Site } from '../index.ts';

// OWNER: public-site helper. Home page, content pages for every type, topics, A–Z, news, events, redirects.
export async function sitePageRoutes(_app: FastifyInstance, _site: Site): Promise<void> {}
