import { randomUUID } from 'node:crypto';
import { contentDocumentSchema } from '../../../../src/modules/site/contracts.ts';
import type { RichText } from '../../../../src/modules/site/rich-text/model.ts';
import { putPublished } from '../../../../src/modules/site/published.ts';
import type { TestPlatform } from '../../../support/platform.ts';

type Page = { title: string; summary: string; path: string; body?: string };

/** Rich text of one paragraph per line. */
function paragraphs(text: string): RichText {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] }));
}

/** Publishes a guide (an article with one section) straight into live content, as the publish command would. */
export async function publishGuide(t: TestPlatform, page: Page, id: string = randomUUID()): Promise<string> {
  const document = contentDocumentSchema.parse({
    type: 'guide',
    path: page.path,
    title: page.title,
    summary: page.summary,
    fields: { sections: [{ title: 'Overview', slug: 'overview', body: paragraphs(page.body ?? page.summary) }] },
  });
  await putPublished(t.platform.services.db, { id, version: 1, document });
  return id;
}

export async function publishEvent(t: TestPlatform, page: Page & { startsAt: string }): Promise<string> {
  const id = randomUUID();
  const document = contentDocumentSchema.parse({
    type: 'event',
    path: page.path,
    title: page.title,
    summary: page.summary,
    fields: {
      body: paragraphs(page.body ?? page.summary),
      startsAt: page.startsAt,
      endsAt: page.startsAt,
      venue: { name: 'Central Library' },
      cost: 'Free',
    },
  });
  await putPublished(t.platform.services.db, { id, version: 1, document });
  return id;
}

/** The results page's hits as a reader sees them: title, then the tags shown under it. */
export function resultTitles(html: string): string[] {
  return [...html.matchAll(/<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]*">([^<]*)<\/a><\/h2>/g)].map((m) => decode(m[1] ?? ''));
}

function decode(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
