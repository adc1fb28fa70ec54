import { randomUUID } from 'node:crypto';
import { contentDocumentSchema, type ContentDocumentInput, type ContentDocument } from '../../../../src/modules/site/contracts.ts';
import { putPublished } from '../../../../src/modules/site/published.ts';
import { fromMarkdown } from '../../../../src/modules/site/rich-text/index.ts';
import type { TestPlatform } from '../../../support/platform.ts';

export const md = fromMarkdown;

/** Makes content live as the publish command would, without depending on it. Returns the content's id. */
export async function publish(t: TestPlatform, input: ContentDocumentInput, id: string = randomUUID(), version = 1): Promise<string> {
  const document: ContentDocument = contentDocumentSchema.parse(input);
  await putPublished(t.platform.services.db, { id, version, document });
  return id;
}

/** A topic document. */
export function topic(title: string, path: string, parentId: string | null = null): ContentDocumentInput {
  return { type: 'topic', path, title, summary: `All about ${title.toLowerCase()}`, topicIds: [], fields: { parentId, intro: md(`Find out about ${title.toLowerCase()}.`), featured: [] } };
}

/** Polls until `check` passes or a second has gone: change notifications arrive asynchronously. */
export async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 1000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The visible text of an HTML fragment, tags removed and spaces collapsed. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}
