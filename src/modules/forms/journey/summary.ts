import type { Answers } from '../contracts.ts';
import type { Form } from '../definition/form.ts';
import { routeThrough, visibleQuestions } from './path.ts';

/** One answer as check answers, emails and staff pages show it. */
export interface AnswerRow {
  pageId: string;
  fieldName: string;
  label: string;
  /** Lines of plain text; empty when an optional question was left blank. */
  lines: string[];
}

/** Every question on the person's route, in order, with their answer. */
export function answerRows(form: Form, answers: Answers, today: string): AnswerRow[] {
  const route = routeThrough(form, answers, today);
  return route.pages.flatMap((page) =>
    visibleQuestions(page, route.answers, today).map((field) => ({
      pageId: page.id,
      fieldName: field.name ?? '',
      label: field.label,
      lines: field.name ? field.summary(route.answers[field.name]) : [],
    })),
  );
}

/** The answers as plain text for an email: each question, then its answer. */
export function answersAsText(rows: AnswerRow[]): string {
  return rows.map((row) => `${row.label}\n${row.lines.length ? row.lines.join('\n') : 'Not given'}`).join('\n\n');
}
