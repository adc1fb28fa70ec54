import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { isValidEmail, MAX_EMAIL_LENGTH } from '../../../platform/identity/email.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({ type: z.literal('email'), ...questionShape });
type EmailDefinition = z.infer<typeof schema>;

/** An email address, checked the way GOV.UK advises: one @ and a domain with a dot. */
export class EmailField extends Question<EmailDefinition, string, string> {
  answer(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = postedText(body, this.name);
    return { raw, value: raw.trim() };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected override async check(value: string): Promise<ErrorItem[]> {
    if (value.length > MAX_EMAIL_LENGTH) return [this.problem('tooLong', `${this.Named} must be ${MAX_EMAIL_LENGTH} characters or less`)];
    if (!isValidEmail(value)) return [this.problem('format', 'Enter an email address in the correct format, like name@example.com')];
    return [];
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/input.njk',
      params: {
        ...this.inputParams(raw, errors, options),
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
      },
    };
  }

  protected summaryOf(value: string): string[] {
    return [value];
  }
}

export const emailField = fieldType('email', schema, (definition) => new EmailField(definition));
