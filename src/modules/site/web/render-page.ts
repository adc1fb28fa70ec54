import type { FastifyReply } from 'fastify';
import type { ContentDocument } from '../contracts.ts';
import type { Site } from '../index.ts';

/** A version of a page to show: live content, or a draft an editor previews. */
export interface PageToRender {
  id: string;
  version: number;
  document: ContentDocument;
  publishedAt?: Date;
}

// OWNER: public-site helper. The one function that turns content into its page, used by the public routes and by
// the editors' preview (which must look exactly like the live page, with a "Preview" banner and no caching).
export async function renderContent(reply: FastifyReply, _site: Site, page: PageToRender, _options: { preview: boolean; section?: string }): Promise<FastifyReply> {
  return reply.render('site/page.njk', { title: page.document.title });
}
