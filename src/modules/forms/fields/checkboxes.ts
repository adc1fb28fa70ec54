import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { ChoiceQuestion, optionsShape } from './options.ts';
import { postedList, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('checkboxes'), ...questionShape, ...optionsShape });
type CheckboxesDefinition = z.infer<typeof schema>;

/** Choose any. Values that are not options are dropped; the answer keeps the options' order. */
export class CheckboxesField extends ChoiceQuestion<CheckboxesDefinition, string[], string[]> {
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

  protected render(raw: string[], errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/checkboxes.njk',
      params: {
        ...this.groupParams(errors, options),
        hint: this.hintParams() ?? { text: 'Select all that apply' },
        items: this.optionItems((value) => raw.includes(value)),
      },
    };
  }

  protected summaryOf(value: string[]): string[] {
    return value.map((v) => this.optionText(v));
  }
}

export const checkboxesField = fieldType('checkboxes', schema, (definition) => new CheckboxesField(definition));
