import type { FastifyRequest } from 'fastify';
import type { ErrorItem } from '../../../platform/http/render.ts';
import type { Form, FormPage } from '../definition/form.ts';
import type { FormsEngine } from '../engine.ts';
import type { FieldView } from '../fields/types.ts';
import { firstIncomplete, pageBefore, routeThrough } from './path.ts';
import { journeyOf, type JourneyState } from './state.ts';

export interface OpenJourney {
  form: Form;
  state: JourneyState;
}

/** The journey's addresses. `change` pages return to check answers once everything is complete again. */
export function urls(form: Form) {
  const base = `/forms/${form.id}`;
  return {
    start: base,
    page: (page: FormPage | string, change = false) => `${base}/${typeof page === 'string' ? page : page.id}${change ? '?change=1' : ''}`,
    checkAnswers: `${base}/check-answers`,
    confirmation: `${base}/confirmation`,
    save: `${base}/save`,
    saved: `${base}/saved`,
  };
}

/** Opening a journey, and where a person may be in it. */
export class Journeys {
  constructor(readonly engine: FormsEngine) {}

  /** The journey in this session, on the version it began with; one not begun yet starts on the latest. */
  async open(request: FastifyRequest, formId: string): Promise<OpenJourney | null> {
    if (!/^[a-z0-9-]{1,80}$/.test(formId)) return null;
    const existing = journeyOf(request, formId);
    if (existing) {
      const form = await this.engine.registry.version(formId, existing.version);
      if (form) return { form, state: existing };
    }
    const form = await this.engine.registry.latest(formId);
    return form ? { form, state: { version: form.version, answers: {}, answered: [] } } : null;
  }

  /**
   * Where to send someone who asks for `page`: nowhere (undefined) when every page before it on
   * their route is complete; else the first page they still have to complete. A page that is not
   * on their route at all sends them on as well.
   */
  redirectFor(form: Form, state: JourneyState, page: FormPage): string | undefined {
    const today = this.engine.today();
    const route = routeThrough(form, state.answers, today);
    const at = route.pages.indexOf(page);
    const missing = (at < 0 ? route.pages : route.pages.slice(0, at)).find((p) => p.isEnd || !state.answered.includes(p.id));
    if (missing) return urls(form).page(missing);
    if (at < 0) return urls(form).checkAnswers;
    return undefined;
  }

  /** Where to go once a page is complete. */
  nextAfter(form: Form, state: JourneyState, page: FormPage, change: boolean): string {
    const today = this.engine.today();
    const u = urls(form);
    if (change) {
      // A changed answer can open pages not seen before: those come first, then back to check answers.
      const missing = firstIncomplete(form, state, today);
      return missing ? u.page(missing, true) : u.checkAnswers;
    }
    const route = routeThrough(form, state.answers, today);
    const next = route.pages[route.pages.indexOf(page) + 1];
    return next ? u.page(next) : u.checkAnswers;
  }

  backFrom(form: Form, state: JourneyState, page: FormPage, change: boolean): string {
    const u = urls(form);
    if (change) return u.checkAnswers;
    const before = pageBefore(form, page, state.answers, this.engine.today());
    return before ? u.page(before) : u.start;
  }

  /** What the page template needs. */
  pageView(form: Form, page: FormPage, state: JourneyState, views: FieldView[], errors: ErrorItem[], options: { change: boolean; canSave: boolean }) {
    return {
      serviceName: form.title,
      title: page.heading,
      page: { id: page.id, heading: page.heading, questionIsHeading: page.questionIsHeading, isEnd: page.isEnd, hasQuestions: page.questions.length > 0 },
      fields: views,
      errors,
      action: urls(form).page(page, options.change),
      backHref: this.backFrom(form, state, page, options.change),
      canSave: options.canSave && page.questions.length > 0,
    };
  }
}
