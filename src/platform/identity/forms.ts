import { z } from 'zod';
import { HttpProblem } from '../http/errors.ts';
import type { ErrorItem } from '../http/render.ts';
import { isValidEmail, MAX_EMAIL_LENGTH } from './email.ts';

/** A text box as a browser sends it: absent means empty; anything longer than a person types is refused. */
export const text = z
  .string()
  .max(2000)
  .optional()
  .transform((v) => v ?? '');

/** Checkboxes: none ticked sends nothing, one sends a string, several send a list. */
export const ticked = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(100)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Parses a form body; a body no form of ours could send gets the plain "could not be read" page. */
export function readForm<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpProblem(400, 'What you sent could not be read', ['Go back and check what you entered.']);
  return parsed.data;
}

/** One list of problems that feeds both the error summary and each field's own message. */
export class FormErrors {
  readonly items: ErrorItem[] = [];

  add(field: string, message: string): void {
    this.items.push({ href: `#${field}`, text: message });
  }

  get any(): boolean {
    return this.items.length > 0;
  }

  /** What a template needs: `errors` for the summary, `fieldErrors.<id>` for each field. */
  view(): { errors: ErrorItem[]; fieldErrors: Record<string, { text: string }> } {
    const fieldErrors: Record<string, { text: string }> = {};
    for (const item of this.items) {
      const id = item.href.slice(1);
      fieldErrors[id] ??= { text: item.text };
    }
    return { errors: this.items, fieldErrors };
  }
}

/** GOV.UK wording for an email address field; returns nothing when the address will do. */
export function emailProblem(value: string, empty = 'Enter your email address'): string | undefined {
  if (value.trim() === '') return empty;
  if (value.trim().length > MAX_EMAIL_LENGTH) return `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`;
  if (!isValidEmail(value)) return 'Enter an email address in the correct format, like name@example.com';
  return undefined;
}
