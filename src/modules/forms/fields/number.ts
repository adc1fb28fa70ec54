import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z
  .strictObject({
    type: z.literal('number'),
    ...questionShape,
    min: z.number().optional(),
    max: z.number().optional(),
    /** Whole numbers only (a count of items, PIP points). */
    integer: z.boolean().optional(),
    /** Shown after the box: "points", "kg". */
    suffix: z.string().optional(),
  })
  .refine((d) => d.min === undefined || d.max === undefined || d.min <= d.max, { message: 'min must not be more than max', path: ['min'] });
type NumberDefinition = z.infer<typeof schema>;

/** "1,200", " 3 ", "-2.5": what people type for a number. */
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A number; stored as a number so conditions can compare it. */
export class NumberField extends Question<NumberDefinition, number, string> {
  answer(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<number, string> {
    const raw = postedText(body, this.name);
    const typed = raw.trim();
    if (typed === '') return { raw, value: undefined };
    if (!NUMBER.test(typed)) return { raw, value: undefined, errors: [this.problem('number', `${this.Named} must be a number`)] };
    return { raw, value: Number(typed.replace(/,/g, '')) };
  }

  protected toRaw(value: number | undefined): string {
    return value === undefined ? '' : String(value);
  }

  protected override async check(value: number): Promise<ErrorItem[]> {
    const { min, max, integer } = this.definition;
    if (integer && !Number.isInteger(value)) return [this.problem('integer', `${this.Named} must be a whole number`)];
    if (min !== undefined && max !== undefined && (value < min || value > max)) return [this.problem('range', `${this.Named} must be between ${min} and ${max}`)];
    if (min !== undefined && value < min) return [this.problem('min', `${this.Named} must be ${min} or more`)];
    if (max !== undefined && value > max) return [this.problem('max', `${this.Named} must be ${max} or less`)];
    return [];
  }

  protected render(raw: string, errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms/fields/input.njk',
      params: {
        ...this.inputParams(raw, errors, options),
        inputmode: this.definition.integer ? 'numeric' : 'decimal',
        spellcheck: false,
        classes: 'govuk-input--width-5',
        suffix: this.definition.suffix ? { text: this.definition.suffix } : undefined,
      },
    };
  }

  protected summaryOf(value: number): string[] {
    return [this.definition.suffix ? `${value} ${this.definition.suffix}` : String(value)];
  }
}

export const numberField = fieldType('number', schema, (definition) => new NumberField(definition));
