import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { normaliseText, textProblem, textRulesShape } from '../validation/text-rules.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({
  type: z.literal('textarea'),
  ...questionShape,
  ...textRulesShape,
  rows: z.number().int().min(2).max(20).optional(),
});
type TextareaDefinition = z.infer<typeof schema>;

export const DEFAULT_TEXTAREA_MAX = 2000;

/** A text area for answers of a few sentences; line breaks are kept. */
export class TextareaField extends Question<TextareaDefinition, string, string> {
  answer(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    // Browsers send line breaks as CRLF; count and store them as one character each.
    const raw = postedText(body, this.name).replace(/\r\n?/g, '\n');
    return { raw, value: normaliseText(raw, this.definition) };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected override async check(value: string, context: FieldContext): Promise<ErrorItem[]> {
    const rules = { ...this.definition, maxLength: this.definition.maxLength ?? DEFAULT_TEXTAREA_MAX };
    const text = await textProblem(value, rules, { message: (k, f) => this.message(k, f), Named: this.Named, named: this.named }, context);
    return text ? [{ href: `#${this.id}`, text }] : [];
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/textarea.njk',
      params: {
        id: this.id,
        name: this.name,
        label: this.labelParams(options),
        hint: this.hintParams(),
        value: raw,
        rows: this.definition.rows ?? 5,
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return value.split('\n');
  }
}

export const textareaField = fieldType('textarea', schema, (definition) => new TextareaField(definition));
