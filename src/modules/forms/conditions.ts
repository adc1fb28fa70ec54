import type { Answers } from './contracts.ts';
import type { Condition, FieldCondition } from './definition/types.ts';
import { isIsoDay, resolveDay, type IsoDay } from './validation/dates.ts';

/**
 * Whether a condition holds for these answers. Conditions decide which pages and fields are shown,
 * where a page branches to, and when a field is required. A condition on an unanswered field
 * holds only if it asks for emptiness, so a journey never branches on an answer it does not have.
 */
export function holds(condition: Condition, answers: Answers, today: IsoDay): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, today));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers, today));
  if ('not' in condition) return !holds(condition.not, answers, today);
  return fieldHolds(condition, answers[condition.field], today);
}

function fieldHolds(condition: FieldCondition, answer: unknown, today: IsoDay): boolean {
  if ('empty' in condition) return isEmptyAnswer(answer) === condition.empty;
  if ('equals' in condition) return answer === condition.equals;
  if ('oneOf' in condition) return condition.oneOf.some((v) => v === answer);
  if ('contains' in condition) {
    if (Array.isArray(answer)) return answer.some((v) => v === condition.contains);
    return typeof answer === 'string' && typeof condition.contains === 'string' && answer.toLowerCase().includes(condition.contains.toLowerCase());
  }
  if ('greaterThan' in condition) return typeof answer === 'number' && answer > condition.greaterThan;
  if ('lessThan' in condition) return typeof answer === 'number' && answer < condition.lessThan;
  if (!isIsoDay(answer)) return false;
  if ('before' in condition) return answer < resolveDay(condition.before, today);
  return answer > resolveDay(condition.after, today);
}

/** Nothing given: no value, blank text, no boxes ticked, no items added. */
export function isEmptyAnswer(answer: unknown): boolean {
  if (answer === undefined || answer === null) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

/** Every field name a condition refers to, for the checks made when a definition is loaded. */
export function fieldsIn(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(fieldsIn);
  if ('any' in condition) return condition.any.flatMap(fieldsIn);
  if ('not' in condition) return fieldsIn(condition.not);
  return [condition.field];
}
