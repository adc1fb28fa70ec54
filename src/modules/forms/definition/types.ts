import type { TargetDefinition } from '../contracts.ts';

/**
 * A form as its JSON document describes it (forms/*.json, or a version staff published).
 * Checked by `parseDefinition` before anything uses it; see forms/README.md for authors.
 */
export interface FormDefinition {
  /** URL slug: /forms/<id>. */
  id: string;
  title: string;
  version: number;
  /** The start page: what the form is for, what you need, how long it takes. */
  start: { paragraphs: string[]; before?: string[] };
  pages: PageDefinition[];
  /** Which answers give the person's contact details for the confirmation email and for staff. */
  contact?: { name?: string; email?: string; phone?: string };
  /** A statement to accept on the check answers page before sending. */
  declaration?: { text: string; label: string; message?: string };
  confirmation?: { title?: string; whatHappensNext?: string[] };
  targets: TargetDefinition[];
  retention: { submissionDays: number; draftDays?: number };
}

export interface PageDefinition {
  /** URL segment: /forms/<form id>/<page id>. */
  id: string;
  /** The page's heading. Without one, the page's only question is the heading. */
  title?: string;
  showIf?: Condition;
  /** Where to go after this page: the first branch whose `when` holds (or that has none); else the next page shown. */
  next?: Branch[];
  /** An outcome page the journey stops at, with no way on (for example "You are not eligible"). */
  end?: boolean;
  fields: FieldDefinition[];
}

export interface Branch {
  when?: Condition;
  /** A later page's id, or "check-answers". */
  goTo: string;
}

/**
 * A field or content block. The core schema checks `type` and `name`; each field type checks
 * the rest with its own schema (src/modules/forms/fields).
 */
export interface FieldDefinition {
  type: string;
  name?: string;
  [option: string]: unknown;
}

/** The options every question field has, whatever its type. */
export type QuestionDefinition = {
  type: string;
  /** The answer's key, and the field's id on the page. */
  name: string;
  label: string;
  /** How error messages name the answer, "your full name" ("Enter your full name"); else the label. */
  shortName?: string;
  hint?: string;
  optional?: boolean;
  /** Required only when this holds (the field is otherwise optional). */
  requiredIf?: Condition;
  showIf?: Condition;
  /** GOV.UK-worded messages replacing the defaults, by key ("required", "tooLong", …). */
  messages?: Record<string, string>;
};

export type Scalar = string | number | boolean;

/** A day: "2026-05-01", "today", or days from today ({ "days": -14 } is a fortnight ago). */
export type DateRef = string | { days: number };

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FieldCondition;

export type FieldCondition =
  | { field: string; equals: Scalar }
  | { field: string; oneOf: Scalar[] }
  | { field: string; contains: Scalar }
  | { field: string; empty: boolean }
  | { field: string; greaterThan: number }
  | { field: string; lessThan: number }
  | { field: string; before: DateRef }
  | { field: string; after: DateRef };

/** A problem with a definition: where (a JSON path like `pages[2].fields[0].type`) and why. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

export class InvalidDefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(`${source} is not a valid form definition:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'InvalidDefinitionError';
  }
}
