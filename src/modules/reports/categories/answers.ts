import { ReportRejected } from '../contracts.ts';
import type { CategoryQuestion } from './questions.ts';

const MAX_KEYS = 40;
const MAX_TEXT = 2000;
const MAX_JSON_BYTES = 16 * 1024;
const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/**
 * Checks a report's answers whatever sent them (the web form, staff, an Open311 client): the
 * category's own questions strictly, anything else only for shape and size. Yes/no answers may come
 * as text ("yes", "true") from Open311 attributes and are stored as true or false, as the forms engine stores them.
 * (The forms engine does not export its validator yet; when it does, the web journey's answers are
 * checked there first.)
 */
export function checkAnswers(questions: CategoryQuestion[], answers: Record<string, unknown>): Record<string, unknown> {
  if (Buffer.byteLength(JSON.stringify(answers)) > MAX_JSON_BYTES) throw new ReportRejected('answers', 'The answers are too long');
  const keys = Object.keys(answers);
  if (keys.length > MAX_KEYS) throw new ReportRejected('answers', `Send no more than ${MAX_KEYS} answers`);
  const checked: Record<string, unknown> = {};
  for (const key of keys) {
    if (!KEY.test(key)) throw new ReportRejected('answers', `"${key.slice(0, 40)}" is not an answer name`);
    checked[key] = plainValue(key, answers[key]);
  }
  for (const question of questions) {
    const value = question.kind === 'yes-no' ? yesNo(checked[question.code]) : checked[question.code];
    if (value === undefined || value === null || value === '') {
      if (question.required) throw new ReportRejected(question.code, `Answer "${question.label}"`);
      delete checked[question.code];
      continue;
    }
    if (question.kind === 'choice' && !question.options.some((o) => o.value === value)) {
      throw new ReportRejected(question.code, `Select an answer to "${question.label}" from the choices given`);
    }
    if (question.kind === 'yes-no' && typeof value !== 'boolean') throw new ReportRejected(question.code, `Answer "${question.label}" with yes or no`);
    checked[question.code] = value;
  }
  return checked;
}

/** Answers are JSON: text, numbers, yes/no, and lists or objects of those (a form's address or asset answer), not too deep or long. */
function plainValue(key: string, value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT) throw new ReportRejected(key, `The answer to ${key} must be ${MAX_TEXT} characters or less`);
    return value.trim();
  }
  if (depth < 4 && Array.isArray(value) && value.length <= 50) return value.map((v) => plainValue(key, v, depth + 1));
  if (depth < 4 && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(key, v, depth + 1)]));
  }
  throw new ReportRejected(key, `The answer to ${key} must be text, a number, yes or no, or a list of those`);
}

function yesNo(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.toLowerCase();
  if (word === 'yes' || word === 'true') return true;
  if (word === 'no' || word === 'false') return false;
  return value;
}
