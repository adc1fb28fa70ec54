import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { optionsShape, SingleChoiceQuestion } from './options.ts';
import { questionShape } from './question.ts';
import { fieldType, type FieldView, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('radios'), ...questionShape, ...optionsShape, inline: z.boolean().optional() });
type RadiosDefinition = z.infer<typeof schema>;

/** Choose one from a few, all in view. */
export class RadiosField extends SingleChoiceQuestion<RadiosDefinition> {
  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/radios.njk',
      params: {
        ...this.groupParams(errors, options),
        classes: this.definition.inline ? 'govuk-radios--inline' : undefined,
        items: this.optionItems((value) => value === raw),
      },
    };
  }
}

export const radiosField = fieldType('radios', schema, (definition) => new RadiosField(definition));
