import type { FastifyRequest } from 'fastify';
import type { Site } from '../index.ts';

// OWNER: public-site helper. Site name, logo, header and footer menus, alert banners for every page.
export function siteChrome(_site: Site): (request: FastifyRequest) => Record<string, unknown> {
  return () => ({});
}
