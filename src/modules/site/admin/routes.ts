import type { FastifyInstance } from 'fastify';
import type { Site } from '../index.ts';

// OWNER: editorial helper. The editors' and publishers' pages under /staff/site.
export async function siteAdminRoutes(_app: FastifyInstance, _site: Site): Promise<void> {}
