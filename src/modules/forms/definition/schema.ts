import { z } from 'zod';
import type { TargetDefinition } from '../contracts.ts';
import type { Branch, Condition, DateRef, DefinitionProblem, FormDefinition, PageDefinition, Scalar } from './types.ts';

/** Page ids that are the journey's own URLs. */
export const RESERVED_PAGE_IDS = ['check-answers', 'confirmation', 'save', 'saved', 'resume', 'start'];

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, like "missed-bin"');
/** Field names are answer keys and HTML ids: "binType", "collectionDate". */
export const fieldName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be a letter then letters or digits, like "binType"');
const text = z.string().trim().min(1);

const scalar: z.ZodType<Scalar> = z.union([z.string(), z.number(), z.boolean()]);
export const dateRef: z.ZodType<DateRef> = z.union([
  z.literal('today'),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be "today", a date like "2026-05-01", or { "days": n }'),
  z.strictObject({ days: z.number().int() }),
]);

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(condition).min(1) }),
    z.strictObject({ any: z.array(condition).min(1) }),
    z.strictObject({ not: condition }),
    z.strictObject({ field: fieldName, equals: scalar }),
    z.strictObject({ field: fieldName, oneOf: z.array(scalar).min(1) }),
    z.strictObject({ field: fieldName, contains: scalar }),
    z.strictObject({ field: fieldName, empty: z.boolean() }),
    z.strictObject({ field: fieldName, greaterThan: z.number() }),
    z.strictObject({ field: fieldName, lessThan: z.number() }),
    z.strictObject({ field: fieldName, before: dateRef }),
    z.strictObject({ field: fieldName, after: dateRef }),
  ]),
);

const mapping = z.record(z.string(), z.string()).optional();
const target: z.ZodType<TargetDefinition> = z.union([
  z.strictObject({ type: z.literal('module'), handler: text, mapping }),
  z.strictObject({ type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }), secretEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/), mapping }),
  z.strictObject({ type: z.literal('email'), to: z.email(), subject: z.string().optional(), mapping }),
]);

const branch: z.ZodType<Branch> = z.strictObject({ when: condition.optional(), goTo: slug });

/** The shape of a form; each field is checked further by its type's own schema. */
export function formSchema(fieldTypes: readonly string[]): z.ZodType<FormDefinition> {
  const field = z.looseObject({ type: z.enum(fieldTypes), name: fieldName.optional() });
  const page: z.ZodType<PageDefinition> = z.strictObject({
    id: slug.refine((id) => !RESERVED_PAGE_IDS.includes(id), `must not be one of ${RESERVED_PAGE_IDS.join(', ')}`),
    title: text.optional(),
    showIf: condition.optional(),
    next: z.array(branch).optional(),
    end: z.boolean().optional(),
    fields: z.array(field).min(1),
  });
  return z.strictObject({
    $schema: z.string().optional(),
    // "resume" is the address of emailed links back to saved forms: /forms/resume/<token>.
    id: slug.refine((id) => id !== 'resume', 'must not be "resume"'),
    title: text,
    version: z.number().int().min(1),
    start: z.strictObject({ paragraphs: z.array(text).min(1), before: z.array(text).optional() }),
    pages: z.array(page).min(1),
    contact: z.strictObject({ name: fieldName.optional(), email: fieldName.optional(), phone: fieldName.optional() }).optional(),
    declaration: z.strictObject({ text, label: text, message: text.optional() }).optional(),
    confirmation: z.strictObject({ title: text.optional(), whatHappensNext: z.array(text).optional() }).optional(),
    targets: z.array(target),
    retention: z.strictObject({ submissionDays: z.number().int().min(1), draftDays: z.number().int().min(1).optional() }),
  });
}

/** `pages[2].fields[0].type`, from zod's path. */
export function jsonPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(the definition)';
}

/** Zod's issues in words a form author can act on. */
export function problemsFrom(error: z.ZodError, base = ''): DefinitionProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(base, issue.path), message: describeIssue(issue) }));
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown property' : 'unknown properties'}: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${String(issue.minimum)} or more`;
    case 'too_big':
      return `must be ${String(issue.maximum)} or less`;
    case 'invalid_union':
      return 'does not match any allowed shape (check its property names against forms/README.md)';
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
