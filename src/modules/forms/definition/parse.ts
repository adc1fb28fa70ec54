import { fieldsIn } from '../conditions.ts';
import { AddAnotherField } from '../fields/add-another.ts';
import type { FieldRegistry } from '../fields/index.ts';
import type { FormField } from '../fields/types.ts';
import { Form, FormPage } from './form.ts';
import { formSchema, jsonPath, problemsFrom } from './schema.ts';
import type { Condition, DefinitionProblem, FormDefinition } from './types.ts';

export type Parsed = { ok: true; form: Form } | { ok: false; problems: DefinitionProblem[] };

/**
 * Checks a definition from JSON: its shape, each field against its type, then that every page and
 * field it refers to (in conditions, branches, required-if, contact) exists. A definition that
 * fails any check is refused whole, with the JSON path and the reason for each problem.
 */
export function parseDefinition(json: unknown, fields: FieldRegistry): Parsed {
  const shape = formSchema(fields.types()).safeParse(json);
  if (!shape.success) return { ok: false, problems: problemsFrom(shape.error) };
  const definition = shape.data;

  const problems: DefinitionProblem[] = [];
  const pages: FormPage[] = [];
  for (const [p, page] of definition.pages.entries()) {
    const made: FormField[] = [];
    for (const [f, field] of page.fields.entries()) {
      const type = fields.get(field.type);
      if (!type) continue; // the shape check already named it
      const result = type.create(field, fields);
      if ('problems' in result) problems.push(...result.problems.map((issue) => ({ path: jsonPath(`pages[${p}].fields[${f}]`, issue.path), message: issue.message })));
      else made.push(result.field);
    }
    const collection = made.find((f): f is AddAnotherField => f instanceof AddAnotherField);
    pages.push(new FormPage(page, made, p, collection));
  }
  if (problems.length) return { ok: false, problems };

  problems.push(...referenceProblems(definition, pages));
  if (problems.length) return { ok: false, problems };
  return { ok: true, form: new Form(definition, pages) };
}

function referenceProblems(definition: FormDefinition, pages: FormPage[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const pageIds = new Map<string, number>();
  for (const page of pages) {
    if (pageIds.has(page.id)) problems.push({ path: `pages[${page.index}].id`, message: `"${page.id}" is the id of another page too` });
    pageIds.set(page.id, page.index);
  }

  // Field names are answer keys across the whole form, item questions of add-another included.
  const names = new Set<string>();
  const each = (field: FormField, at: string) => {
    if (!field.name) return;
    if (names.has(field.name)) problems.push({ path: `${at}.name`, message: `"${field.name}" is the name of another field too` });
    names.add(field.name);
  };
  for (const page of pages) {
    for (const [f, field] of page.fields.entries()) {
      each(field, `pages[${page.index}].fields[${f}]`);
      if (field instanceof AddAnotherField) for (const [i, inner] of field.itemFields.entries()) each(inner, `pages[${page.index}].fields[${f}].fields[${i}]`);
    }
  }

  const checkCondition = (condition: Condition | undefined, at: string) => {
    if (!condition) return;
    for (const name of fieldsIn(condition)) if (!names.has(name)) problems.push({ path: at, message: `refers to a field "${name}" that the form does not have` });
  };

  for (const page of pages) {
    const at = `pages[${page.index}]`;
    checkCondition(page.definition.showIf, `${at}.showIf`);
    for (const [f, field] of page.fields.entries()) for (const c of field.conditions) checkCondition(c, `${at}.fields[${f}]`);
    for (const [b, branch] of (page.definition.next ?? []).entries()) {
      checkCondition(branch.when, `${at}.next[${b}].when`);
      const target = pageIds.get(branch.goTo);
      if (branch.goTo === 'check-answers') continue;
      if (target === undefined) problems.push({ path: `${at}.next[${b}].goTo`, message: `refers to a page "${branch.goTo}" that the form does not have` });
      else if (target <= page.index) problems.push({ path: `${at}.next[${b}].goTo`, message: `must be a later page than "${page.id}", so a journey cannot go round in a loop` });
    }
    problems.push(...pageShapeProblems(page, at));
  }

  for (const key of ['name', 'email', 'phone'] as const) {
    const name = definition.contact?.[key];
    if (name && !names.has(name)) problems.push({ path: `contact.${key}`, message: `refers to a field "${name}" that the form does not have` });
  }
  if (pages.every((p) => p.isEnd)) problems.push({ path: 'pages', message: 'must have a page that leads on to check answers (not only end pages)' });
  return problems;
}

function pageShapeProblems(page: FormPage, at: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const questions = page.questions;
  if (page.isEnd && questions.length > 0) problems.push({ path: `${at}.fields`, message: 'an end page shows an outcome, so it must not ask questions' });
  if (page.isEnd && page.definition.next) problems.push({ path: `${at}.next`, message: 'an end page has no way on, so it must not have next' });
  if (page.collection && questions.length > 1) problems.push({ path: `${at}.fields`, message: 'an add-another question must be the only question on its page' });
  if (page.definition.title === undefined) {
    const only = questions[0];
    if (questions.length !== 1 || !only) problems.push({ path: `${at}.title`, message: 'is required unless the page has exactly one question' });
    else if (!only.canBePageHeading) problems.push({ path: `${at}.title`, message: `is required on a page whose question is of type ${only.type}` });
  }
  return problems;
}
