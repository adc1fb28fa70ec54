import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('yes-no'), ...questionShape });
type YesNoDefinition = z.infer<typeof schema>;

/** Yes or no, stored as true or false (conditions test `"equals": true`). */
export class YesNoField extends Question<YesNoDefinition, boolean, string> {
  answer(value: unknown): boolean | undefined {
    return typeof value === 'boolean' ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<boolean, string> {
    const raw = postedText(body, this.name);
    return { raw, value: raw === 'yes' ? true : raw === 'no' ? false : undefined };
  }

  protected toRaw(value: boolean | undefined): string {
    return value === undefined ? '' : value ? 'yes' : 'no';
  }

  protected override isEmpty(): boolean {
    return false;
  }

  protected override requiredMessage(): string {
    return 'Select yes or no';
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/radios.njk',
      params: {
        ...this.groupParams(errors, options),
        classes: 'govuk-radios--inline',
        items: [
          { value: 'yes', text: 'Yes', checked: raw === 'yes' },
          { value: 'no', text: 'No', checked: raw === 'no' },
        ],
      },
    };
  }

  protected summaryOf(value: boolean): string[] {
    return [value ? 'Yes' : 'No'];
  }
}

export const yesNoField = fieldType('yes-no', schema, (definition) => new YesNoField(definition));
