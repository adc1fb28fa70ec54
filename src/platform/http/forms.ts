import { z } from 'zod';
import { HttpProblem } from './errors.ts';
import type { ErrorItem } from './render.ts';

/** A text box as a browser sends it: absent means empty; anything longer than a person types is refused. */
export const text = z
  .string()
  .max(10_000)
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


/** An error for the summary (`href`, `text`); `field` names the field showing it when `href` points elsewhere. */
export interface FieldError extends ErrorItem {
  field?: string;
}

/** For checks that return a list: the same shape as `FormErrors.view()`. */
export function pageErrors(errors: FieldError[]): { errors: ErrorItem[]; fieldErrors: Record<string, { text: string }> } {
  return {
    errors: errors.map(({ href, text }) => ({ href, text })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field ?? e.href.slice(e.href.indexOf('#') + 1), { text: e.text }])),
  };
}
