import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { holds, isEmptyAnswer } from '../conditions.ts';
import { condition, fieldName } from '../definition/schema.ts';
import type { Condition, QuestionDefinition } from '../definition/types.ts';
import type { FieldContext, FieldView, FormField, PostedForm, Reading, ViewOptions } from './types.ts';

/** The options every question type accepts; each type extends this shape with its own. */
export const questionShape = {
  name: fieldName,
  label: z.string().trim().min(1),
  shortName: z.string().trim().min(1).optional(),
  hint: z.string().trim().min(1).optional(),
  optional: z.boolean().optional(),
  requiredIf: condition.optional(),
  showIf: condition.optional(),
  messages: z.record(z.string(), z.string().trim().min(1)).optional(),
};

/** What a question made of its inputs: the answer (if any), the inputs as typed, and problems reading them. */
export interface Parsed<V, R> {
  value: V | undefined;
  raw: R;
  errors?: ErrorItem[];
  stay?: boolean;
}

/**
 * A question on a page. `V` is the stored answer, `R` the inputs as the person typed them, kept
 * so a page with errors shows what was sent. Answers come back from sessions and the database
 * as unknown JSON, so each type says how to recognise its own (`answer`).
 */
export abstract class Question<D extends QuestionDefinition, V, R> implements FormField {
  constructor(readonly definition: D) {}

  get canBePageHeading(): boolean {
    return true;
  }

  get type(): string {
    return this.definition.type;
  }

  get name(): string {
    return this.definition.name;
  }

  get label(): string {
    return this.definition.label;
  }

  get showIf(): Condition | undefined {
    return this.definition.showIf;
  }

  get conditions(): Condition[] {
    return [this.definition.showIf, this.definition.requiredIf].filter((c): c is Condition => c !== undefined);
  }

  /** The input the error summary links to. */
  get id(): string {
    return this.definition.name;
  }

  /** "your full name", for "Enter your full name". */
  protected get named(): string {
    const name = this.definition.shortName ?? this.definition.label;
    return name.charAt(0).toLowerCase() + name.slice(1);
  }

  /** "Your full name", for "Your full name must be 100 characters or less". */
  protected get Named(): string {
    const name = this.named;
    return name.charAt(0).toUpperCase() + name.slice(1);
  }

  protected message(key: string, fallback: string): string {
    return this.definition.messages?.[key] ?? fallback;
  }

  protected problem(key: string, fallback: string, href = `#${this.id}`): ErrorItem {
    return { href, text: this.message(key, fallback) };
  }

  /** Required unless marked optional; with `requiredIf`, required exactly when it holds. */
  isRequired(context: FieldContext): boolean {
    if (this.definition.requiredIf) return holds(this.definition.requiredIf, context.answers, context.today);
    return !this.definition.optional;
  }

  protected requiredMessage(): string {
    return `Enter ${this.named}`;
  }

  async read(body: PostedForm, context: FieldContext): Promise<Reading> {
    const parsed = await this.parse(body, context);
    return {
      value: parsed.value,
      errors: parsed.errors ?? [],
      stay: parsed.stay,
      view: (errors, options) => this.render(parsed.raw, errors, options),
    };
  }

  async validate(value: unknown, context: FieldContext): Promise<ErrorItem[]> {
    const answer = this.answer(value);
    if (answer === undefined || this.isEmpty(answer)) return this.isRequired(context) ? [this.problem('required', this.requiredMessage())] : [];
    return this.check(answer, context);
  }

  view(value: unknown, errors: ErrorItem[], options: ViewOptions): FieldView {
    return this.render(this.toRaw(this.answer(value)), errors, options);
  }

  summary(value: unknown): string[] {
    const answer = this.answer(value);
    return answer === undefined || this.isEmpty(answer) ? [] : this.summaryOf(answer);
  }

  /** The stored answer, if `value` is one this type could have stored. */
  abstract answer(value: unknown): V | undefined;
  protected abstract parse(body: PostedForm, context: FieldContext): Parsed<V, R> | Promise<Parsed<V, R>>;
  protected abstract toRaw(value: V | undefined): R;
  protected abstract render(raw: R, errors: ErrorItem[], options: ViewOptions): FieldView;
  protected abstract summaryOf(value: V): string[];

  protected isEmpty(value: V): boolean {
    return isEmptyAnswer(value);
  }

  /** The type's own rules, for an answer that is there. */
  protected async check(_value: V, _context: FieldContext): Promise<ErrorItem[]> {
    return [];
  }

  /** Label text, marked "(optional)" when it is. */
  protected labelText(): string {
    return this.definition.optional && !this.definition.requiredIf ? `${this.definition.label} (optional)` : this.definition.label;
  }

  /** A `label` for GOV.UK macros: the page heading when it is the page's only question. */
  protected labelParams(options: ViewOptions): Record<string, unknown> {
    return { text: this.labelText(), classes: options.asHeading ? 'govuk-label--l' : 'govuk-label--s', isPageHeading: options.asHeading };
  }

  /** A `fieldset` for GOV.UK macros of grouped inputs (radios, checkboxes, date). */
  protected fieldsetParams(options: ViewOptions): Record<string, unknown> {
    return { legend: { text: this.labelText(), classes: options.asHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m', isPageHeading: options.asHeading } };
  }

  /** What GOV.UK's one-box macros (input, textarea, select) all take; each type adds its own. */
  protected inputParams(raw: string, errors: ErrorItem[], options: ViewOptions): Record<string, unknown> {
    return { id: this.id, name: this.name, label: this.labelParams(options), hint: this.hintParams(), value: raw, errorMessage: this.errorMessage(errors) };
  }

  /** What GOV.UK's radios and checkboxes macros both take, besides their items. */
  protected groupParams(errors: ErrorItem[], options: ViewOptions): Record<string, unknown> {
    return { idPrefix: this.name, name: this.name, fieldset: this.fieldsetParams(options), hint: this.hintParams(), errorMessage: this.errorMessage(errors) };
  }

  protected hintParams(): { text: string } | undefined {
    return this.definition.hint ? { text: this.definition.hint } : undefined;
  }

  /** The first of the field's errors, for its own message under the label. */
  protected errorMessage(errors: ErrorItem[]): { text: string } | undefined {
    const first = errors[0];
    return first ? { text: first.text } : undefined;
  }
}

/** One posted value as text: the first when repeated, '' when absent or not text. */
export function postedText(body: PostedForm, key: string): string {
  const raw = body[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : '';
}

/** Every posted value under a name (ticked checkboxes). */
export function postedList(body: PostedForm, key: string): string[] {
  const raw = body[key];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values.filter((v): v is string => typeof v === 'string');
}
