import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { optionsShape, SingleChoiceQuestion } from './options.ts';
import { questionShape } from './question.ts';
import { fieldType, type FieldView, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('select'), ...questionShape, ...optionsShape });
type SelectDefinition = z.infer<typeof schema>;

/** Choose one from a long list. */
export class SelectField extends SingleChoiceQuestion<SelectDefinition> {
  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/select.njk',
      params: {
        ...this.inputParams(raw, errors, options),
        items: [{ value: '', text: 'Choose an option' }, ...this.definition.options.map((o) => ({ value: o.value, text: o.text }))],
      },
    };
  }
}

export const selectField = fieldType('select', schema, (definition) => new SelectField(definition));
