import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { optionsShape, optionText } from './options.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('radios'), ...questionShape, ...optionsShape, inline: z.boolean().optional() });
type RadiosDefinition = z.infer<typeof schema>;

/** Choose one. A value that is not one of the options counts as no choice. */
export class RadiosField extends Question<RadiosDefinition, string, string> {
  override get id(): string {
    return this.name;
  }

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
      template: 'forms/fields/radios.njk',
      params: {
        idPrefix: this.name,
        name: this.name,
        fieldset: this.fieldsetParams(options),
        hint: this.hintParams(),
        classes: this.definition.inline ? 'govuk-radios--inline' : undefined,
        items: this.definition.options.map((o) => ({ value: o.value, text: o.text, hint: o.hint ? { text: o.hint } : undefined, checked: o.value === raw })),
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [optionText(this.definition.options, value)];
  }
}

export const radiosField = fieldType('radios', schema, (definition) => new RadiosField(definition));
