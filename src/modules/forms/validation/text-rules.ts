import { z } from 'zod';
import { normalisePostcode } from '../../../platform/geo/gazetteer.ts';
import type { FieldContext } from '../fields/types.ts';

/** Rules a typed answer can have (text boxes and text areas). */
export const textRulesShape = {
  minLength: z.number().int().min(1).optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  /** A regular expression the whole answer must match; give a message for it ("messages.pattern"). */
  pattern: z
    .string()
    .refine((p) => compiles(p), 'must be a valid regular expression')
    .optional(),
  /** A UK postcode, stored as "SK4 3DA". */
  postcode: z.boolean().optional(),
  /** A postcode in the council's area (the gazetteer has an address there). */
  inBorough: z.boolean().optional(),
};

export interface TextRules {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  postcode?: boolean;
  inBorough?: boolean;
}

export interface RuleMessages {
  /** A message by key, or the GOV.UK default given. */
  message(key: string, fallback: string): string;
  /** "Your full name": how a message starts when it names the answer. */
  Named: string;
  named: string;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** The answer as stored: trimmed, and a postcode in its usual form. */
export function normaliseText(value: string, rules: TextRules): string {
  const trimmed = value.trim();
  if (rules.postcode || rules.inBorough) return normalisePostcode(trimmed) ?? trimmed;
  return trimmed;
}

/** The first rule an answer breaks, in GOV.UK wording; undefined when it keeps them all. */
export async function textProblem(value: string, rules: TextRules, words: RuleMessages, context: FieldContext): Promise<string | undefined> {
  const length = [...value].length;
  if (rules.maxLength !== undefined && length > rules.maxLength) return words.message('tooLong', `${words.Named} must be ${rules.maxLength} characters or less`);
  if (rules.minLength !== undefined && length < rules.minLength) return words.message('tooShort', `${words.Named} must be ${rules.minLength} characters or more`);
  if (rules.postcode || rules.inBorough) {
    if (!normalisePostcode(value)) return words.message('postcode', 'Enter a real postcode');
    if (rules.inBorough && !(await context.lookups.gazetteer.postcodeInBorough(value))) {
      return words.message('inBorough', `Enter a postcode in ${context.areaName}`);
    }
  }
  if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) {
    return words.message('pattern', `Enter ${words.named} in the correct format`);
  }
  return undefined;
}
