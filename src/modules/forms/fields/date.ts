import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { dateRef } from '../definition/schema.ts';
import { formatDay, isIsoDay, realDay, resolveDay, type IsoDay } from '../validation/dates.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

const schema = z.strictObject({
  type: z.literal('date'),
  ...questionShape,
  /** Before today. */
  past: z.boolean().optional(),
  /** After today. */
  future: z.boolean().optional(),
  /** On or after this day: "2026-04-01", "today", or { "days": 2 } for "at least 2 days from today". */
  earliest: dateRef.optional(),
  /** On or before this day. */
  latest: dateRef.optional(),
});
type DateDefinition = z.infer<typeof schema>;

type Part = 'day' | 'month' | 'year';
type DateParts = Record<Part, string>;
const PARTS: Part[] = ['day', 'month', 'year'];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "4", "04", "April", "apr", "sept": GOV.UK asks services to accept month names as well as numbers. */
function monthNumber(typed: string): number {
  const t = typed.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  if (t.length < 3) return NaN;
  const index = MONTHS.findIndex((name) => name.startsWith(t) || (t === 'sept' && name === 'september'));
  return index >= 0 ? index + 1 : NaN;
}

/** The boxes to mark: the empty ones of a part-filled date, a short year, or all three. */
function markedParts(raw: DateParts): Part[] {
  const empty = PARTS.filter((p) => raw[p].trim() === '');
  if (empty.length > 0 && empty.length < 3) return empty;
  if (empty.length === 0 && !/^\d{4}$/.test(raw.year.trim())) return ['year'];
  return PARTS;
}

/** The GOV.UK date input: day, month and year boxes, stored as "2026-05-01". */
export class DateField extends Question<DateDefinition, IsoDay, DateParts> {
  override get id(): string {
    return `${this.name}-day`;
  }

  answer(value: unknown): IsoDay | undefined {
    return isIsoDay(value) ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<IsoDay, DateParts> {
    const raw: DateParts = { day: postedText(body, `${this.name}-day`), month: postedText(body, `${this.name}-month`), year: postedText(body, `${this.name}-year`) };
    const missing = PARTS.filter((p) => raw[p].trim() === '');
    if (missing.length === 3) return { raw, value: undefined };
    if (missing.length > 0) {
      const first = missing[0] ?? 'day';
      return { raw, value: undefined, errors: [this.problem('incomplete', `${this.Named} must include a ${missing.join(' and ')}`, `#${this.name}-${first}`)] };
    }
    if (!/^\d{4}$/.test(raw.year.trim())) return { raw, value: undefined, errors: [this.problem('year', 'Year must include 4 numbers', `#${this.name}-year`)] };
    const day = /^\d{1,2}$/.test(raw.day.trim()) ? Number(raw.day.trim()) : NaN;
    const value = realDay(Number(raw.year.trim()), monthNumber(raw.month), day);
    if (!value) return { raw, value: undefined, errors: [this.problem('real', `${this.Named} must be a real date`)] };
    return { raw, value };
  }

  protected toRaw(value: IsoDay | undefined): DateParts {
    if (!value) return { day: '', month: '', year: '' };
    return { day: String(Number(value.slice(8, 10))), month: String(Number(value.slice(5, 7))), year: value.slice(0, 4) };
  }

  protected override async check(value: IsoDay, context: FieldContext): Promise<ErrorItem[]> {
    const d = this.definition;
    const today = context.today;
    if (d.past && value >= today) return [this.problem('past', `${this.Named} must be in the past`)];
    if (d.future && value <= today) return [this.problem('future', `${this.Named} must be in the future`)];
    if (d.earliest !== undefined) {
      const earliest = resolveDay(d.earliest, today);
      if (value < earliest) return [this.problem('earliest', `${this.Named} must be the same as or after ${formatDay(earliest)}`)];
    }
    if (d.latest !== undefined) {
      const latest = resolveDay(d.latest, today);
      if (value > latest) return [this.problem('latest', `${this.Named} must be the same as or before ${formatDay(latest)}`)];
    }
    return [];
  }

  protected render(raw: DateParts, errors: ErrorItem[], options: ViewOptions): FieldView {
    const marked = errors.length ? markedParts(raw) : [];
    const item = (part: Part, label: string, width: number) => ({
      name: part,
      label,
      value: raw[part],
      classes: `govuk-input--width-${width}${marked.includes(part) ? ' govuk-input--error' : ''}`,
      inputmode: 'numeric',
    });
    return {
      template: 'forms/fields/date.njk',
      params: {
        id: this.name,
        namePrefix: this.name,
        fieldset: this.fieldsetParams(options),
        hint: { text: this.definition.hint ?? 'For example, 27 3 2026' },
        items: [item('day', 'Day', 2), item('month', 'Month', 2), item('year', 'Year', 4)],
        errorMessage: this.errorMessage(errors),
      },
    };
  }

  protected summaryOf(value: IsoDay): string[] {
    return [formatDay(value)];
  }
}

export const dateField = fieldType('date', schema, (definition) => new DateField(definition));
