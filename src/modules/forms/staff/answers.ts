import type { FileAnswer } from '../contracts.ts';
import type { Form } from '../definition/form.ts';
import { AddAnotherField } from '../fields/add-another.ts';
import type { FormField } from '../fields/types.ts';
import { isRecord } from '../fields/json.ts';
import { isFileAnswer } from '../fields/file-upload.ts';

/** A question of a stored form version, made by the engine's own field types. */
export interface Question {
  name: string;
  label: string;
  field: FormField;
  /** For add-another questions, the questions asked about each item. */
  itemFields: FormField[];
}

/** The questions of a form version, page by page, in order. */
export function questionsOf(form: Form): Question[] {
  return form.pages.flatMap((page) =>
    page.questions.flatMap((field) => (field.name ? [{ name: field.name, label: field.label, field, itemFields: field instanceof AddAnotherField ? field.itemFields : [] }] : [])),
  );
}

/** File answers anywhere in a value (a file upload question, or one inside add-another items). */
export function filesIn(value: unknown): FileAnswer[] {
  if (Array.isArray(value)) return value.flatMap(filesIn);
  if (isFileAnswer(value)) return [value];
  if (isRecord(value)) return Object.values(value).flatMap(filesIn);
  return [];
}
