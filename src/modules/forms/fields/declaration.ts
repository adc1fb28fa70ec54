import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { Question, postedList, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z
  .strictObject({
    type: z.literal('declaration'),
    ...questionShape,
    /** What the person declares, shown above the box. */
    text: z.string().trim().min(1).optional(),
    /** The heading of the declaration's fieldset. */
    legend: z.string().trim().min(1).optional(),
  })
  .omit({ optional: true, requiredIf: true });
type DeclarationDefinition = z.infer<typeof schema>;

/** A box to tick, "I confirm…". Always required: a declaration nobody has to make is not one. */
export class DeclarationField extends Question<DeclarationDefinition, true, boolean> {
  answer(value: unknown): true | undefined {
    return value === true ? true : undefined;
  }

  protected parse(body: PostedForm): Parsed<true, boolean> {
    const ticked = postedList(body, this.name).includes('yes');
    return { raw: ticked, value: ticked ? true : undefined };
  }

  protected toRaw(value: true | undefined): boolean {
    return value === true;
  }

  protected override requiredMessage(): string {
    return 'Confirm that you agree with the declaration';
  }

  protected render(raw: boolean, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/declaration.njk',
      params: {
        text: this.definition.text,
        checkboxes: {
          idPrefix: this.name,
          name: this.name,
          fieldset: { legend: { text: this.definition.legend ?? 'Declaration', classes: options.asHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m', isPageHeading: options.asHeading } },
          hint: this.hintParams(),
          items: [{ value: 'yes', text: this.definition.label, checked: raw }],
          errorMessage: this.errorMessage(errors),
        },
      },
    };
  }

  protected summaryOf(): string[] {
    return ['Confirmed'];
  }
}

export const declarationField = fieldType('declaration', schema, (definition) => new DeclarationField(definition));
