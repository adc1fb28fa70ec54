import type { ErrorItem } from '../../../platform/http/render.ts';
import { holds } from '../conditions.ts';
import type { Answers } from '../contracts.ts';
import { fieldContext, type FormsEngine } from '../engine.ts';
import type { FieldView, FormField, PostedForm, Reading, ViewOptions } from '../fields/types.ts';

export type FieldsOutcome =
  /** Everything on the page will do: the answers with this page's merged in. */
  | { kind: 'complete'; answers: Answers }
  /** Show the page again: with errors (400), or for a step of a field's own, such as addresses found. */
  | { kind: 'show'; errors: ErrorItem[]; views: FieldView[]; answers: Answers };

/**
 * Reads a page's fields from a posted form: each field reads only its own inputs, so anything
 * else posted is dropped. Hidden fields (show-if) lose any answer they had. Errors come back as one
 * list, in the order of the page, for both the error summary and each field.
 */
export async function readFields(engine: FormsEngine, fields: FormField[], before: Answers, body: PostedForm, options: ViewOptions): Promise<FieldsOutcome> {
  const readings = new Map<FormField, Reading>();
  const firstContext = fieldContext(engine, before);
  for (const field of fields) if (field.name) readings.set(field, await field.read(body, firstContext));

  const answers: Answers = { ...before };
  for (const [field, reading] of readings) {
    if (!field.name) continue;
    if (reading.value === undefined) delete answers[field.name];
    else answers[field.name] = reading.value;
  }
  const today = engine.today();
  const visible = fields.filter((f) => !f.showIf || holds(f.showIf, answers, today));
  for (const field of fields) if (field.name && !visible.includes(field)) delete answers[field.name];

  const context = fieldContext(engine, answers);
  const errorsOf = new Map<FormField, ErrorItem[]>();
  let stay = false;
  for (const field of visible) {
    const reading = readings.get(field);
    if (!reading) continue;
    stay ||= reading.stay === true;
    errorsOf.set(field, reading.errors.length || reading.stay ? reading.errors : await field.validate(reading.value, context));
  }
  const errors = visible.flatMap((f) => errorsOf.get(f) ?? []);
  if (!stay && errors.length === 0) return { kind: 'complete', answers };
  const views = visible.map((f) => readings.get(f)?.view(errorsOf.get(f) ?? [], options) ?? f.view(undefined, [], options));
  return { kind: 'show', errors, views, answers };
}

/** The fields showing stored answers, as the page first appears. */
export function fieldViews(engine: FormsEngine, fields: FormField[], answers: Answers, options: ViewOptions): FieldView[] {
  const today = engine.today();
  return fields.filter((f) => !f.showIf || holds(f.showIf, answers, today)).map((f) => f.view(f.name ? answers[f.name] : undefined, [], options));
}
