import type { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import type { Address, Street } from '../../../platform/geo/gazetteer.ts';
import type { Answers } from '../contracts.ts';
import type { Condition, FieldDefinition } from '../definition/types.ts';
import { describeIssue } from '../definition/schema.ts';
import type { FileUploads } from './file-upload.ts';

/** A posted page as @fastify/formbody gives it: each name maps to a string, or a list when repeated. */
export type PostedForm = Record<string, unknown>;

/** An asset on a map layer (a streetlight, a bin, a gully), as the layer's owner describes it. */
export interface Asset {
  id: string;
  layer: string;
  description: string;
  lon: number;
  lat: number;
  usrn?: string;
}

/** A layer of assets that a module owns (reports will add streetlights and gullies). */
export interface AssetLayer {
  name: string;
  /** "streetlight": how messages name one asset. */
  assetName: string;
  find(id: string): Promise<Asset | null>;
}

/** What fields look things up in: the gazetteer and the asset layers. */
export interface FieldLookups {
  gazetteer: {
    findByPostcode(postcode: string): Promise<Address[]>;
    address(uprn: string): Promise<Address | null>;
    searchStreets(query: string, limit?: number): Promise<Street[]>;
    street(usrn: string): Promise<Street | null>;
    postcodeInBorough(postcode: string): Promise<boolean>;
  };
  assets: { layer(name: string): AssetLayer | undefined };
  /** Platform file storage, for file upload fields (fields/file-upload.ts). */
  files?: FileUploads;
}

export interface FieldContext {
  /** Every answer so far, this page's included: for required-if and show-if. */
  answers: Answers;
  /** Today in the council's time zone, "2026-05-01". */
  today: string;
  lookups: FieldLookups;
  /** How in-borough messages name the area: "Stockport". */
  areaName: string;
}

/** How a template draws a field: its partial under views/forms/fields and the partial's parameters. */
export interface FieldView {
  template: string;
  params: Record<string, unknown>;
}

export interface ViewOptions {
  /** The page's only question: its label or legend is the page's heading. */
  asHeading: boolean;
}

/** What a field made of its part of a posted page. */
export interface Reading {
  /** The answer, or undefined when nothing usable was given. */
  value: unknown;
  /** Problems reading the input ("must be a real date"), before any rule is checked. */
  errors: ErrorItem[];
  /** The field took a step of its own (found addresses for a postcode): show the page again, without errors. */
  stay?: boolean;
  /** The field as posted, for showing the page again. */
  view(errors: ErrorItem[], options: ViewOptions): FieldView;
}

/**
 * One field or content block on a page, made from its definition by its type. The journey reads,
 * checks and shows fields only through this interface, so a new type needs no journey code.
 */
export interface FormField {
  readonly type: string;
  /** The answer's key; content blocks have none. */
  readonly name: string | undefined;
  readonly definition: FieldDefinition;
  /** The question as the check answers page and emails name it. */
  readonly label: string;
  readonly showIf?: Condition;
  /** Its label or legend can be the page's heading, when it is the page's only question. */
  readonly canBePageHeading: boolean;
  /** Conditions whose field names must exist in the form (show-if, required-if). */
  readonly conditions: Condition[];
  read(body: PostedForm, context: FieldContext): Promise<Reading>;
  /** Problems with an answer, in GOV.UK wording; none when it will do. */
  validate(value: unknown, context: FieldContext): Promise<ErrorItem[]>;
  /** The field showing a stored answer (or none). */
  view(value: unknown, errors: ErrorItem[], options: ViewOptions): FieldView;
  /** The answer as lines of plain text, for check answers, emails and staff; none when unanswered. */
  summary(value: unknown): string[];
}

export interface FieldProblemAt {
  /** Relative to the field's definition, as zod gives it. */
  path: PropertyKey[];
  message: string;
}

/** A field type: the schema its definitions must meet and how to make a field from one. */
export interface FieldType {
  type: string;
  /** Content blocks and the declaration hold no answer a condition could test, or none at all. */
  holdsAnswer: boolean;
  /** Checks a definition and makes the field; problems name the path within the definition. */
  create(definition: FieldDefinition, registry: FieldTypeLookup): { field: FormField } | { problems: FieldProblemAt[] };
}

/** Lets a field that holds other fields (add another) make them. */
export interface FieldTypeLookup {
  get(type: string): FieldType | undefined;
  types(): string[];
}

/** Builds a field type from a zod schema, so each type's definition is typed inside its class. */
export function fieldType<D extends FieldDefinition>(
  type: string,
  schema: z.ZodType<D>,
  make: (definition: D, registry: FieldTypeLookup) => FormField | { problems: FieldProblemAt[] },
  holdsAnswer = true,
): FieldType {
  return {
    type,
    holdsAnswer,
    create(definition, registry) {
      const parsed = schema.safeParse(definition);
      if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ path: i.path, message: describeIssue(i) })) };
      const made = make(parsed.data, registry);
      return 'problems' in made ? made : { field: made };
    },
  };
}
