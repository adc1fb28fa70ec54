import { z } from 'zod';

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

export function optionText(options: ChoiceOption[], value: string): string {
  return options.find((o) => o.value === value)?.text ?? value;
}
