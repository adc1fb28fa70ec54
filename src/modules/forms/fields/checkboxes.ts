import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { optionsShape, optionText } from './options.ts';
import { Question, postedList, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('checkboxes'), ...questionShape, ...optionsShape });
type CheckboxesDefinition = z.infer<typeof schema>;

/** Choose any. Values that are not options are dropped; the answer keeps the options' order. */
export class CheckboxesField extends Question<CheckboxesDefinition, string[], string[]> {
  answer(value: unknown): string[] | undefined {
    if (!Array.isArray(value)) return undefined;
    return this.definition.options.map((o) => o.value).filter((v) => value.includes(v));
  }

  protected parse(body: PostedForm): Parsed<string[], string[]> {
    const raw = postedList(body, this.name);
    return { raw, value: this.answer(raw) };
  }

  protected toRaw(value: string[] | undefined): string[] {
    return value ?? [];
  }

  protected override requiredMessage(): string {
    return `Select ${this.named}`;
  }

  protected render(raw: string[], errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/checkboxes.njk',
      params: {
        idPrefix: this.name,
        name: this.name,
        fieldset: this.fieldsetParams(options),
        hint: this.hintParams() ?? { text: 'Select all that apply' },
        items: this.definition.options.map((o) => ({ value: o.value, text: o.text, hint: o.hint ? { text: o.hint } : undefined, checked: raw.includes(o.value) })),
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: string[]): string[] {
    return value.map((v) => optionText(this.definition.options, v));
  }
}

export const checkboxesField = fieldType('checkboxes', schema, (definition) => new CheckboxesField(definition));
