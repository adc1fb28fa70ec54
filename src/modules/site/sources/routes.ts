import type { FastifyInstance } from 'fastify';
import type { Site } from '../index.ts';

// OWNER: content-source helper (e.g. a Contentful webhook that starts a sync).
export async function contentSourceRoutes(_app: FastifyInstance, _site: Site): Promise<void> {}
