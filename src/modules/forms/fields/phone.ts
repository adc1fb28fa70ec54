import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
// The account module's UK number rules, so a number accepted on a profile is accepted on a form.
import { formatUkPhone, normaliseUkPhone } from '../../../platform/contact/phone.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('phone'), ...questionShape });
type PhoneDefinition = z.infer<typeof schema>;

/** A UK telephone number, typed any usual way and stored in E.164 ("+447700900982"). */
export class PhoneField extends Question<PhoneDefinition, string, string> {
  answer(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = postedText(body, this.name);
    if (raw.trim() === '') return { raw, value: undefined };
    const phone = normaliseUkPhone(raw);
    if (!phone) return { raw, value: undefined, errors: [this.problem('format', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192')] };
    return { raw, value: phone };
  }

  protected toRaw(value: string | undefined): string {
    return value ? formatUkPhone(value) : '';
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/input.njk',
      params: {
        ...this.inputParams(raw, errors, options),
        type: 'tel',
        autocomplete: 'tel',
        classes: 'govuk-input--width-20',
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [formatUkPhone(value)];
  }
}

export const phoneField = fieldType('phone', schema, (definition) => new PhoneField(definition));
