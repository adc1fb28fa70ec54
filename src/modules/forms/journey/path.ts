import { holds } from '../conditions.ts';
import type { Answers } from '../contracts.ts';
import type { Form, FormPage } from '../definition/form.ts';
import type { FormField } from '../fields/types.ts';

/** Where a journey is: its answers, and the pages the person has completed. */
export interface Progress {
  answers: Answers;
  answered: string[];
}

export interface Route {
  /** The pages this person sees, in order, given their answers. */
  pages: FormPage[];
  /** Where the route ends: the check answers page, or an end page (which is the last of `pages`). */
  end: 'check-answers' | FormPage;
  /** The answers given on the route's pages: answers left on pages no longer on it play no part. */
  answers: Answers;
}

/**
 * The pages a person goes through: hidden pages skipped, branches followed. Branches only go
 * forward (checked at load), so the walk always ends.
 */
export function routeThrough(form: Form, answers: Answers, today: string): Route {
  const pages: FormPage[] = [];
  const known: Answers = {};
  let i = 0;
  while (i < form.pages.length) {
    const page = form.pages[i];
    if (!page) break;
    if (page.definition.showIf && !holds(page.definition.showIf, known, today)) {
      i += 1;
      continue;
    }
    pages.push(page);
    for (const field of page.questions) if (field.name && answers[field.name] !== undefined) known[field.name] = answers[field.name];
    if (page.isEnd) return { pages, end: page, answers: known };
    const branch = page.definition.next?.find((b) => !b.when || holds(b.when, known, today));
    if (branch?.goTo === 'check-answers') return { pages, end: 'check-answers', answers: known };
    i = branch ? (form.page(branch.goTo)?.index ?? i + 1) : i + 1;
  }
  return { pages, end: 'check-answers', answers: known };
}

/** The first page on the route not yet completed, if any (an end page never is). */
export function firstIncomplete(form: Form, progress: Progress, today: string): FormPage | undefined {
  return routeThrough(form, progress.answers, today).pages.find((p) => p.isEnd || !progress.answered.includes(p.id));
}

/** The page after this one on the route, or the check answers page. */
export function pageAfter(form: Form, page: FormPage, answers: Answers, today: string): FormPage | 'check-answers' {
  const route = routeThrough(form, answers, today);
  const at = route.pages.findIndex((p) => p.id === page.id);
  return route.pages[at + 1] ?? 'check-answers';
}

/** The page before this one on the route: where the Back link goes. */
export function pageBefore(form: Form, page: FormPage, answers: Answers, today: string): FormPage | undefined {
  const route = routeThrough(form, answers, today);
  const at = route.pages.findIndex((p) => p.id === page.id);
  return at > 0 ? route.pages[at - 1] : undefined;
}

/** A page's questions shown for these answers. */
export function visibleQuestions(page: FormPage, answers: Answers, today: string): FormField[] {
  return page.questions.filter((f) => !f.showIf || holds(f.showIf, answers, today));
}

export function visibleFields(page: FormPage, answers: Answers, today: string): FormField[] {
  return page.fields.filter((f) => !f.showIf || holds(f.showIf, answers, today));
}

/** Only the answers to questions on this person's route: what a submission keeps. */
export function answersOnRoute(form: Form, answers: Answers, today: string): Answers {
  const route = routeThrough(form, answers, today);
  const kept: Answers = {};
  for (const page of route.pages) {
    for (const field of visibleQuestions(page, route.answers, today)) {
      if (field.name && route.answers[field.name] !== undefined) kept[field.name] = route.answers[field.name];
    }
  }
  return kept;
}
