import { z } from 'zod';
import type { Block, Inline, RichText } from '../../rich-text/model.ts';
import { linkedId } from './model.ts';

/** A node of a Contentful Rich Text document (see @contentful/rich-text-types), checked loosely: we read what we know. */
interface RichNode {
  nodeType: string;
  value?: string;
  marks?: { type: string }[];
  data?: Record<string, unknown>;
  content?: RichNode[];
}
const richNode: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    nodeType: z.string(),
    value: z.string().optional(),
    marks: z.array(z.object({ type: z.string() })).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    content: z.array(richNode).optional(),
  }),
);

/** What conversion needs from the rest of the space: where entries and assets live on the site. */
export interface LinkTargets {
  /** The address of a page entry ("/bins"), or undefined when the entry is not a page here. */
  pathOfEntry(entryId: string): string | undefined;
  assetUrl(assetId: string): string | undefined;
}

const LEFT_OUT: Record<string, string> = {
  'heading-1': 'a level 1 heading (the page title is the only one)',
  'heading-4': 'a level 4 heading (use level 2 or 3)',
  'heading-5': 'a level 5 heading (use level 2 or 3)',
  'heading-6': 'a level 6 heading (use level 2 or 3)',
  hr: 'a horizontal rule',
  table: 'a table',
  'embedded-entry-block': 'an embedded entry',
  'embedded-asset-block': 'an embedded image or file',
  'embedded-resource-block': 'an embedded resource',
  'embedded-entry-inline': 'an inline embedded entry',
  'embedded-resource-inline': 'an inline embedded resource',
  'resource-hyperlink': 'a link to another space',
  'nested-list': 'a list inside a list',
};

/**
 * Converts a Contentful Rich Text document into our rich text. What the site cannot show is left out, each time
 * with a warning for the editor; a value that is not a rich text document at all is an error (the entry is skipped).
 */
export function fromContentfulRichText(value: unknown, targets: LinkTargets, warn: (message: string) => void): RichText | { error: string } {
  if (value === undefined || value === null) return [];
  const parsed = richNode.safeParse(value);
  if (!parsed.success || parsed.data.nodeType !== 'document') return { error: 'is not a Rich Text field' };
  const leftOut = (nodeType: string) => warn(`${LEFT_OUT[nodeType] ?? `a "${nodeType}" part`} cannot be shown on the site and was left out`);

  const inlines = (nodes: RichNode[] = []): Inline[] =>
    nodes.flatMap((node): Inline[] => {
      switch (node.nodeType) {
        case 'text':
          if (!node.value) return [];
          return [node.marks?.some((m) => m.type === 'bold') ? { type: 'text', text: node.value, bold: true } : { type: 'text', text: node.value }];
        case 'hyperlink':
          return link(plain(node), typeof node.data?.uri === 'string' ? node.data.uri : undefined);
        case 'entry-hyperlink': {
          const target = linkedId(node.data?.target);
          const path = target === undefined ? undefined : targets.pathOfEntry(target);
          if (path === undefined) warn(`the link "${plain(node)}" goes to an entry that is not a page on the site, so it is shown as plain text`);
          return link(plain(node), path);
        }
        case 'asset-hyperlink': {
          const target = linkedId(node.data?.target);
          const url = target === undefined ? undefined : targets.assetUrl(target);
          if (url === undefined) warn(`the link "${plain(node)}" goes to a file that is not published, so it is shown as plain text`);
          return link(plain(node), url);
        }
        default:
          leftOut(node.nodeType);
          return [];
      }
    });

  // Paragraphs of a list item or quote run on as one line: our lists and inset text hold inline runs only.
  const joined = (nodes: RichNode[] = []): Inline[] => {
    const parts = nodes.flatMap((node) => {
      if (node.nodeType === 'paragraph') return [inlines(node.content)];
      leftOut(node.nodeType === 'unordered-list' || node.nodeType === 'ordered-list' ? 'nested-list' : node.nodeType);
      return [];
    });
    return parts.filter((p) => p.length > 0).flatMap((p, i) => (i === 0 ? p : [{ type: 'text', text: ' ' }, ...p]));
  };

  const blocks = parsed.data.content?.flatMap((node): Block[] => {
    switch (node.nodeType) {
      case 'paragraph': {
        // The Contentful editor ends every document with an empty paragraph: nothing to warn about.
        const content = inlines(node.content);
        return content.length ? [{ type: 'paragraph', content }] : [];
      }
      case 'heading-2':
      case 'heading-3': {
        const text = plain(node).trim();
        return text ? [{ type: 'heading', level: node.nodeType === 'heading-2' ? 2 : 3, text }] : [];
      }
      case 'unordered-list':
      case 'ordered-list': {
        const items = (node.content ?? []).map((item) => joined(item.content)).filter((item) => item.length > 0);
        return items.length ? [{ type: 'list', style: node.nodeType === 'ordered-list' ? 'number' : 'bullet', items }] : [];
      }
      case 'blockquote': {
        const content = joined(node.content);
        return content.length ? [{ type: 'inset', content }] : [];
      }
      default:
        leftOut(node.nodeType);
        return [];
    }
  });
  return blocks ?? [];
}

function link(text: string, href: string | undefined): Inline[] {
  if (!text) return [];
  return href ? [{ type: 'link', text, href }] : [{ type: 'text', text }];
}

function plain(node: RichNode): string {
  return node.value ?? (node.content ?? []).map(plain).join('');
}
