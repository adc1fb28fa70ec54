import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { condition } from '../definition/schema.ts';
import type { Condition } from '../definition/types.ts';
import { fieldType, type FieldType, type FieldView, type FormField, type Reading } from './types.ts';

type ContentKind = 'paragraph' | 'inset' | 'warning' | 'details';

const textBlock = { text: z.string().trim().min(1), showIf: condition.optional() };
const schemas = {
  paragraph: z.strictObject({ type: z.literal('paragraph'), ...textBlock }),
  inset: z.strictObject({ type: z.literal('inset'), ...textBlock }),
  warning: z.strictObject({ type: z.literal('warning'), ...textBlock }),
  details: z.strictObject({ type: z.literal('details'), summary: z.string().trim().min(1), ...textBlock }),
};
type ContentDefinition = { type: ContentKind; text: string; summary?: string; showIf?: Condition };

/** Words on a page that ask nothing: a paragraph, inset text, warning text or a details reveal. */
export class ContentBlock implements FormField {
  readonly name = undefined;
  readonly label = '';
  readonly canBePageHeading = false;

  constructor(readonly definition: ContentDefinition) {}

  get type(): string {
    return this.definition.type;
  }

  get showIf(): Condition | undefined {
    return this.definition.showIf;
  }

  get conditions(): Condition[] {
    return this.definition.showIf ? [this.definition.showIf] : [];
  }

  async read(): Promise<Reading> {
    return { value: undefined, errors: [], view: () => this.view() };
  }

  async validate(): Promise<ErrorItem[]> {
    return [];
  }

  view(): FieldView {
    // Blank lines separate paragraphs, so authors can write more than one.
    const paragraphs = this.definition.text.split(/\n\s*\n/).map((p) => p.trim());
    return { template: 'forms/fields/content.njk', params: { kind: this.definition.type, paragraphs, summary: this.definition.summary } };
  }

  summary(): string[] {
    return [];
  }
}

export const contentBlocks: FieldType[] = [
  fieldType('paragraph', schemas.paragraph, (definition) => new ContentBlock(definition), false),
  fieldType('inset', schemas.inset, (definition) => new ContentBlock(definition), false),
  fieldType('warning', schemas.warning, (definition) => new ContentBlock(definition), false),
  fieldType('details', schemas.details, (definition) => new ContentBlock(definition), false),
];
