import type { FastifyInstance } from 'fastify';
import type { FormsEngine } from '../engine.ts';
import { postedText } from '../fields/question.ts';
import { saveAndLeave } from '../drafts/save.ts';
import { checkAnswersRoutes } from './check-answers.ts';
import { collectionRoutes, postCollection, showCollection } from './collection.ts';
import { Journeys, urls } from './journeys.ts';
import { routeThrough } from './path.ts';
import { fieldViews, readFields } from './read-fields.ts';
import { keepJourney } from './state.ts';
import { bodyOf, canSave, changing, type PageParams } from './request.ts';

const open = { access: 'public' } as const;

/** The resident's journey through a form: start page, question pages, check answers, confirmation. */
export async function journeyRoutes(app: FastifyInstance, engine: FormsEngine): Promise<void> {
  const journeys = new Journeys(engine);

  app.get('/forms', { config: open }, async (_request, reply) => {
    const forms = await engine.registry.all();
    return reply.render('forms/index.njk', { forms: forms.map((f) => ({ href: urls(f).start, title: f.title })) });
  });

  app.get<{ Params: { formId: string } }>('/forms/:formId', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    if (!opened) return reply.callNotFound();
    const { form, state } = opened;
    const first = routeThrough(form, state.answers, engine.today()).pages[0];
    return reply.render('forms/start.njk', {
      serviceName: form.title,
      title: form.title,
      start: form.definition.start,
      startHref: first ? urls(form).page(first) : urls(form).checkAnswers,
    });
  });

  await checkAnswersRoutes(app, journeys);
  await collectionRoutes(app, journeys);

  app.get<PageParams>('/forms/:formId/:pageId', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    const page = opened?.form.page(request.params.pageId);
    if (!opened || !page) return reply.callNotFound();
    const { form, state } = opened;
    const elsewhere = journeys.redirectFor(form, state, page);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    if (page.collection) return showCollection(journeys, request, reply, form, state, page, page.collection);
    keepJourney(request, form.id, state);
    const views = fieldViews(engine, page.fields, state.answers, { asHeading: page.questionIsHeading });
    return reply.render('forms/page.njk', journeys.pageView(form, page, state, views, [], { change: changing(request), canSave: canSave(request) }));
  });

  app.post<PageParams>('/forms/:formId/:pageId', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    const page = opened?.form.page(request.params.pageId);
    if (!opened || !page) return reply.callNotFound();
    const { form, state } = opened;
    const elsewhere = journeys.redirectFor(form, state, page);
    if (elsewhere || page.isEnd) return reply.redirect(elsewhere ?? urls(form).page(page), 303);
    if (page.collection) return postCollection(journeys, request, reply, form, state, page, page.collection);
    const body = bodyOf(request);
    const change = changing(request);
    const outcome = await readFields(engine, page.fields, state.answers, body, { asHeading: page.questionIsHeading });
    if (postedText(body, 'action') === 'save' && canSave(request)) return saveAndLeave(engine, request, reply, form, { ...state, answers: outcome.answers });
    if (outcome.kind === 'show') {
      // A field's own step (files uploaded, a file removed) is kept, though the page is not complete yet.
      if (!outcome.errors.length) keepJourney(request, form.id, { ...state, answers: outcome.answers });
      const view = journeys.pageView(form, page, state, outcome.views, outcome.errors, { change, canSave: canSave(request) });
      return reply.code(outcome.errors.length ? 400 : 200).render('forms/page.njk', view);
    }
    const next = { ...state, answers: outcome.answers, answered: [...new Set([...state.answered, page.id])] };
    keepJourney(request, form.id, next);
    return reply.redirect(journeys.nextAfter(form, next, page, change), 303);
  });
}
