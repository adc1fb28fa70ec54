export { richTextSchema, type RichText, type Block, type Inline } from './model.ts';
export { fromMarkdown, RichTextProblem, plainText } from './markdown.ts';
export { renderRichText, toMarkdown, safeHref } from './render.ts';
export { richTextToPlain, richTextLinks } from './plain.ts';
