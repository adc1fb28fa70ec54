import type { Block, RichText } from './model.ts';
import { plainText } from './markdown.ts';

/** The words of rich text, one block per line: for search and summaries. */
export function richTextToPlain(text: RichText): string {
  return text.map(blockText).join('\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.text;
    case 'list':
      return block.items.map(plainText).join('\n');
    case 'details':
      return [block.summary, ...block.content.map(blockText)].join('\n');
    default:
      return plainText(block.content);
  }
}

/** Every link target in rich text, for the broken-link check. */
export function richTextLinks(text: RichText): string[] {
  const hrefs: string[] = [];
  const visit = (block: Block): void => {
    if (block.type === 'details') block.content.forEach(visit);
    else if (block.type === 'paragraph' || block.type === 'inset' || block.type === 'warning') {
      for (const run of block.content) if (run.type === 'link') hrefs.push(run.href);
    } else if (block.type === 'list') {
      for (const item of block.items) for (const run of item) if (run.type === 'link') hrefs.push(run.href);
    }
  };
  text.forEach(visit);
  return hrefs;
}
