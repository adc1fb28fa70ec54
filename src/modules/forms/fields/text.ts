import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { textRulesShape } from '../validation/text-rules.ts';
import { questionShape } from './question.ts';
import { TextQuestion } from './text-question.ts';
import { fieldType, type FieldView, type ViewOptions } from './types.ts';

const WIDTHS = ['2', '3', '4', '5', '10', '20', '30'] as const;

const schema = z.strictObject({
  type: z.literal('text'),
  ...questionShape,
  ...textRulesShape,
  /** The browser's autofill hint: "name", "postal-code", "email"… */
  autocomplete: z.string().optional(),
  /** Characters the box is sized for (GOV.UK fixed widths). */
  width: z.enum(WIDTHS).optional(),
  spellcheck: z.boolean().optional(),
});
type TextDefinition = z.infer<typeof schema>;

/** Max length when a definition gives none: longer than any name or reference people type. */
export const DEFAULT_TEXT_MAX = 200;

/** A single-line text box. */
export class TextField extends TextQuestion<TextDefinition> {
  protected readonly defaultMaxLength = DEFAULT_TEXT_MAX;

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    const d = this.definition;
    const postcode = d.postcode || d.inBorough;
    const width = d.width ?? (postcode ? '10' : undefined);
    return {
      template: 'forms/fields/input.njk',
      params: {
        ...this.inputParams(raw, errors, options),
        autocomplete: d.autocomplete ?? (postcode ? 'postal-code' : undefined),
        spellcheck: d.spellcheck,
        classes: width ? `govuk-input--width-${width}` : undefined,
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [value];
  }
}

export const textField = fieldType('text', schema, (definition) => new TextField(definition));
