import { z } from 'zod';
import type { QuestionDefinition } from '../definition/types.ts';
import { Question, postedText, type Parsed } from './question.ts';
import type { PostedForm } from './types.ts';

/** The choices of radios, checkboxes and selects; values are what is stored and what conditions test. */
export const optionsShape = {
  options: z
    .array(z.strictObject({ value: z.string().regex(/^[\w-]{1,60}$/, 'must be letters, digits, hyphens or underscores'), text: z.string().trim().min(1), hint: z.string().optional() }))
    .min(2)
    .refine((options) => new Set(options.map((o) => o.value)).size === options.length, 'must have a different value for each option'),
};

export interface ChoiceOption {
  value: string;
  text: string;
  hint?: string;
}

type ChoiceDefinition = QuestionDefinition & { options: ChoiceOption[] };

/** A question answered from its definition's options (radios, checkboxes, select). */
export abstract class ChoiceQuestion<D extends ChoiceDefinition, V, R> extends Question<D, V, R> {
  protected override requiredMessage(): string {
    return `Select ${this.named}`;
  }

  protected isOption(value: unknown): value is string {
    return typeof value === 'string' && this.definition.options.some((o) => o.value === value);
  }

  /** How an option reads to people; a value no longer among the options shows as stored. */
  protected optionText(value: string): string {
    return this.definition.options.find((o) => o.value === value)?.text ?? value;
  }

  /** Items for GOV.UK's radios and checkboxes macros. */
  protected optionItems(checked: (value: string) => boolean): Record<string, unknown>[] {
    return this.definition.options.map((o) => ({ value: o.value, text: o.text, hint: o.hint ? { text: o.hint } : undefined, checked: checked(o.value) }));
  }
}

/** Choose one (radios, select). A value that is not one of the options counts as no choice. */
export abstract class SingleChoiceQuestion<D extends ChoiceDefinition> extends ChoiceQuestion<D, string, string> {
  answer(value: unknown): string | undefined {
    return this.isOption(value) ? value : undefined;
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = postedText(body, this.name);
    return { raw, value: this.answer(raw) };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected summaryOf(value: string): string[] {
    return [this.optionText(value)];
  }
}
