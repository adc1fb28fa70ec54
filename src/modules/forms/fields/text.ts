import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { normaliseText, textProblem, textRulesShape } from '../validation/text-rules.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

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
export class TextField extends Question<TextDefinition, string, string> {
  answer(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = postedText(body, this.name);
    return { raw, value: normaliseText(raw, this.definition) };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected override async check(value: string, context: FieldContext): Promise<ErrorItem[]> {
    const rules = { ...this.definition, maxLength: this.definition.maxLength ?? DEFAULT_TEXT_MAX };
    const text = await textProblem(value, rules, { message: (k, f) => this.message(k, f), Named: this.Named, named: this.named }, context);
    return text ? [{ href: `#${this.id}`, text }] : [];
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    const d = this.definition;
    const postcode = d.postcode || d.inBorough;
    const width = d.width ?? (postcode ? '10' : undefined);
    return {
      template: 'forms/fields/input.njk',
      params: {
        id: this.id,
        name: this.name,
        label: this.labelParams(options),
        hint: this.hintParams(),
        value: raw,
        autocomplete: d.autocomplete ?? (postcode ? 'postal-code' : undefined),
        spellcheck: d.spellcheck,
        classes: width ? `govuk-input--width-${width}` : undefined,
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [value];
  }
}

export const textField = fieldType('text', schema, (definition) => new TextField(definition));
