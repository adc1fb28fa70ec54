import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { optionsShape, optionText } from './options.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('select'), ...questionShape, ...optionsShape });
type SelectDefinition = z.infer<typeof schema>;

/** Choose one from a long list. As with radios, a value that is not an option counts as no choice. */
export class SelectField extends Question<SelectDefinition, string, string> {
  answer(value: unknown): string | undefined {
    return typeof value === 'string' && this.definition.options.some((o) => o.value === value) ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = postedText(body, this.name);
    return { raw, value: this.answer(raw) };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected override requiredMessage(): string {
    return `Select ${this.named}`;
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/select.njk',
      params: {
        id: this.name,
        name: this.name,
        label: this.labelParams(options),
        hint: this.hintParams(),
        value: raw,
        items: [{ value: '', text: 'Choose an option' }, ...this.definition.options.map((o) => ({ value: o.value, text: o.text }))],
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [optionText(this.definition.options, value)];
  }
}

export const selectField = fieldType('select', schema, (definition) => new SelectField(definition));
