import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { textRulesShape } from '../validation/text-rules.ts';
import { postedText, questionShape } from './question.ts';
import { TextQuestion } from './text-question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({
  type: z.literal('textarea'),
  ...questionShape,
  ...textRulesShape,
  rows: z.number().int().min(2).max(20).optional(),
});
type TextareaDefinition = z.infer<typeof schema>;

export const DEFAULT_TEXTAREA_MAX = 2000;

/** A text area for answers of a few sentences; line breaks are kept. */
export class TextareaField extends TextQuestion<TextareaDefinition> {
  protected readonly defaultMaxLength = DEFAULT_TEXTAREA_MAX;

  protected override typed(body: PostedForm): string {
    // Browsers send line breaks as CRLF; count and store them as one character each.
    return postedText(body, this.name).replace(/\r\n?/g, '\n');
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/textarea.njk',
      params: { ...this.inputParams(raw, errors, options), rows: this.definition.rows ?? 5 },
    };
  }

  protected summaryOf(value: string): string[] {
    return value.split('\n');
  }
}

export const textareaField = fieldType('textarea', schema, (definition) => new TextareaField(definition));
