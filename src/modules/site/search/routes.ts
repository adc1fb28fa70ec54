import type { FastifyInstance } from 'fastify';
import type { Site } from '../index.ts';

// OWNER: search helper.
export async function siteSearchRoutes(_app: FastifyInstance, _site: Site): Promise<void> {}
