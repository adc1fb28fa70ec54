import { z } from 'zod';

/**
 * Rich text is stored as structure, never as HTML: blocks of inline runs. Editors write a small part of Markdown
 * (see markdown.ts); pages render it with GOV.UK typography (render.ts); search reads its plain text.
 */
export const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1), bold: z.literal(true).optional() }),
  z.object({ type: z.literal('link'), text: z.string().min(1), href: z.string().min(1).max(2000) }),
]);
export type Inline = z.infer<typeof inlineSchema>;

const inlines = z.array(inlineSchema).min(1);

const leafBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: inlines }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: z.string().min(1).max(200) }),
  z.object({ type: z.literal('list'), style: z.enum(['bullet', 'number']), items: z.array(inlines).min(1) }),
  /** GOV.UK inset text: something the reader should not miss. */
  z.object({ type: z.literal('inset'), content: inlines }),
  /** GOV.UK warning text: a legal or safety point. */
  z.object({ type: z.literal('warning'), content: inlines }),
]);

export const blockSchema = z.union([
  leafBlock,
  /** GOV.UK details: a summary that opens to more. */
  z.object({ type: z.literal('details'), summary: z.string().min(1).max(200), content: z.array(leafBlock).min(1) }),
]);
export type Block = z.infer<typeof blockSchema>;
export type LeafBlock = z.infer<typeof leafBlock>;

export const richTextSchema = z.array(blockSchema);
export type RichText = z.infer<typeof richTextSchema>;
