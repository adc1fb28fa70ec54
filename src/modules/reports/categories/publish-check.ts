import type { Form } from '../../forms/index.ts';
import { ruleProblems } from './assessment.ts';
import type { Categories } from './catalogue.ts';
import { questionsOf } from './questions.ts';

/**
 * Refuses a new version of a category's form that drops a question or answer the priority rules need (a dangerous
 * streetlight must stay an emergency), so staff hear it when they publish, not after reports lose their priority.
 */
export function reportFormCheck(categories: Categories): (form: Form) => Promise<{ path: string; message: string }[]> {
  return async (form) => {
    const using = (await categories.all()).filter((c) => c.formId === form.id);
    const problems = ruleProblems(using.map((c) => ({ code: c.code, questions: questionsOf(form) })));
    return problems.map((message) => ({ path: '(report priority rules)', message: `${message}: the street report priorities need it, so put it back` }));
  };
}
