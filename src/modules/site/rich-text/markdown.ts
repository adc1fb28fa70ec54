import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline, LeafBlock, RichText } from './model.ts';

/** What an editor wrote that rich text cannot hold, in words for the error summary. */
export class RichTextProblem extends Error {
  override name = 'RichTextProblem';
}

const DETAILS_OPEN = /^\+\+\+[ \t]+(\S.*)$/;
const DETAILS_CLOSE = /^\+\+\+[ \t]*$/;
const WARNING = /^warning:\s*/i;

/**
 * Reads the part of Markdown editors use: paragraphs, `##`/`###` headings, bullet and numbered lists, **bold**,
 * [links](/path), `> ` for inset text, `> Warning: ` for warning text, and a `+++ Summary` … `+++` pair for a
 * details box. Anything else (HTML, images, tables, code) is refused with a reason, so nothing is silently lost.
 */
export function fromMarkdown(source: string): RichText {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let plain: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = DETAILS_OPEN.exec(lines[i] ?? '');
    if (!open) {
      plain.push(lines[i] ?? '');
      continue;
    }
    const end = lines.findIndex((line, j) => j > i && DETAILS_CLOSE.test(line));
    if (end < 0) throw new RichTextProblem(`Close the details box "${open[1]}" with a line of +++`);
    blocks.push(...leafBlocks(plain.join('\n')));
    plain = [];
    const content = leafBlocks(lines.slice(i + 1, end).join('\n'));
    if (content.length === 0) throw new RichTextProblem(`Write what the details box "${open[1]}" says`);
    blocks.push({ type: 'details', summary: (open[1] ?? '').trim(), content });
    i = end;
  }
  blocks.push(...leafBlocks(plain.join('\n')));
  return blocks;
}

function leafBlocks(source: string): LeafBlock[] {
  return Lexer.lex(source).flatMap((token): LeafBlock[] => block(token));
}

function block(token: Token): LeafBlock[] {
  switch (token.type) {
    case 'space':
      return [];
    case 'paragraph':
      return [{ type: 'paragraph', content: inlines((token as Tokens.Paragraph).tokens) }];
    case 'heading': {
      const heading = token as Tokens.Heading;
      if (heading.depth !== 2 && heading.depth !== 3) {
        throw new RichTextProblem(`Use ## or ### for headings ("${heading.text}" uses ${'#'.repeat(heading.depth)}): the page title is the only top heading`);
      }
      return [{ type: 'heading', level: heading.depth, text: plainText(inlines(heading.tokens)) }];
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => item.tokens.flatMap((t) => (t.type === 'text' || t.type === 'paragraph' ? inlines((t as Tokens.Text).tokens ?? [t]) : nested(t))));
      return [{ type: 'list', style: list.ordered ? 'number' : 'bullet', items }];
    }
    case 'blockquote': {
      const quote = token as Tokens.Blockquote;
      const content = quote.tokens.flatMap((t) => (t.type === 'paragraph' ? inlines((t as Tokens.Paragraph).tokens) : nested(t)));
      const first = content[0];
      if (first?.type === 'text' && WARNING.test(first.text)) {
        const rest = first.text.replace(WARNING, '');
        return [{ type: 'warning', content: rest ? [{ ...first, text: rest }, ...content.slice(1)] : content.slice(1) }];
      }
      return [{ type: 'inset', content }];
    }
    default:
      return nested(token);
  }
}

function nested(token: Token): never {
  const what: Record<string, string> = { html: 'HTML', code: 'code blocks', table: 'tables', hr: 'horizontal rules', list: 'lists inside lists' };
  throw new RichTextProblem(`Rich text cannot hold ${what[token.type] ?? token.type}: "${token.raw.trim().slice(0, 60)}"`);
}

function inlines(tokens: Token[] | undefined, bold = false): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) out.push(...inlines(text.tokens, bold));
        else push(out, decode(text.text), bold);
        break;
      }
      case 'strong':
        out.push(...inlines((token as Tokens.Strong).tokens, true));
        break;
      case 'em':
        // Italics are hard to read (GOV.UK style): keep the words, drop the slant.
        out.push(...inlines((token as Tokens.Em).tokens, bold));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        out.push({ type: 'link', href: link.href, text: plainText(inlines(link.tokens)) });
        break;
      }
      case 'br':
        push(out, ' ', bold);
        break;
      case 'codespan':
        push(out, decode((token as Tokens.Codespan).text), bold);
        break;
      default:
        nested(token);
    }
  }
  return merge(out);
}

function push(out: Inline[], text: string, bold: boolean): void {
  if (text) out.push(bold ? { type: 'text', text, bold: true } : { type: 'text', text });
}

/** Joins neighbouring runs of the same kind, so stored text stays small and comparable. */
function merge(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last?.type === 'text' && run.type === 'text' && Boolean(last.bold) === Boolean(run.bold)) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** The words of inline runs, without their marks. */
export function plainText(runs: Inline[]): string {
  return runs.map((r) => r.text).join('');
}
