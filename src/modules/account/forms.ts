import { z } from 'zod';
import { HttpProblem } from '../../platform/http/errors.ts';
import type { ErrorItem } from '../../platform/http/render.ts';

/** A text box: absent means empty. */
export const text = z.string().max(10_000).default('');

/** A checkbox group: nothing ticked sends nothing, one ticked sends a string. */
export const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** Reads a posted form, refusing one this website's pages could not have sent. */
export function readForm<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new HttpProblem(400, 'What you sent could not be read', ['Go back and check what you entered.']);
  return result.data;
}

/** An error for the summary (`href`, `text`); `field` names the field showing it when `href` points elsewhere. */
export interface FieldError extends ErrorItem {
  field?: string;
}

/** One list feeds both the error summary and each field's own message (`fieldErrors.name.text`). */
export function pageErrors(errors: FieldError[]): { errors: ErrorItem[]; fieldErrors: Record<string, { text: string }> } {
  return {
    errors: errors.map(({ href, text }) => ({ href, text })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field ?? e.href.slice(e.href.indexOf('#') + 1), { text: e.text }])),
  };
}
