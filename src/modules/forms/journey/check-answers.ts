import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { fieldContext } from '../engine.ts';
import type { Form } from '../definition/form.ts';
import { postedList } from '../fields/question.ts';
import { Journeys, urls } from './journeys.ts';
import { answersOnRoute, firstIncomplete, routeThrough, visibleQuestions } from './path.ts';
import { bodyOf } from './request.ts';
import { endJourney, type JourneyState } from './state.ts';
import { answerRows } from './summary.ts';

const open = { access: 'public' } as const;
type FormParams = { Params: { formId: string } };

const DECLARATION_MESSAGE = 'Confirm that the information you have given is correct';

/** Check your answers (with the declaration), sending the form, and the confirmation page. */
export async function checkAnswersRoutes(app: FastifyInstance, journeys: Journeys): Promise<void> {
  const engine = journeys.engine;

  app.get<FormParams>('/forms/:formId/check-answers', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    if (!opened) return reply.callNotFound();
    const elsewhere = await unfinished(journeys, opened.form, opened.state);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    return reply.render('forms/check-answers.njk', checkAnswersView(journeys, opened.form, opened.state, []));
  });

  app.post<FormParams>('/forms/:formId/check-answers', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    if (!opened) return reply.callNotFound();
    const { form, state } = opened;
    const elsewhere = await unfinished(journeys, form, state);
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const declaration = form.definition.declaration;
    if (declaration && !postedList(bodyOf(request), 'declaration').includes('yes')) {
      const errors = [{ href: '#declaration', text: declaration.message ?? DECLARATION_MESSAGE }];
      return reply.code(400).render('forms/check-answers.njk', checkAnswersView(journeys, form, state, errors));
    }
    return send(journeys, request, reply, form, state);
  });

  app.get<FormParams>('/forms/:formId/confirmation', { config: open }, async (request, reply) => {
    const sent = request.session.formsSent?.[request.params.formId];
    const form = await engine.registry.latest(request.params.formId);
    if (!form) return reply.callNotFound();
    if (!sent) return reply.redirect(urls(form).start, 303);
    return reply.render('forms/confirmation.njk', {
      serviceName: form.title,
      title: form.definition.confirmation?.title ?? 'Form sent',
      reference: sent.reference,
      email: sent.email,
      whatHappensNext: form.definition.confirmation?.whatHappensNext ?? [],
    });
  });
}

/**
 * Where to send someone not ready to check their answers: a page not yet completed, an end page
 * their answers lead to, or the first page whose answers no longer pass (a date that was in the
 * future when given, an answer a changed earlier answer made required).
 */
async function unfinished(journeys: Journeys, form: Form, state: JourneyState): Promise<string | undefined> {
  const engine = journeys.engine;
  const today = engine.today();
  const missing = firstIncomplete(form, state, today);
  if (missing) return urls(form).page(missing);
  const route = routeThrough(form, state.answers, today);
  const context = fieldContext(engine, route.answers);
  for (const page of route.pages) {
    for (const field of visibleQuestions(page, route.answers, today)) {
      if (field.name && (await field.validate(route.answers[field.name], context)).length) return urls(form).page(page);
    }
  }
  return undefined;
}

function checkAnswersView(journeys: Journeys, form: Form, state: JourneyState, errors: ErrorItem[]) {
  const rows = answerRows(form, state.answers, journeys.engine.today()).map((row) => ({
    key: { text: row.label },
    value: { html: (row.lines.length ? row.lines : ['Not given']).map(escapeHtml).join('<br>') },
    actions: { items: [{ href: urls(form).page(row.pageId, true), text: 'Change', visuallyHiddenText: row.label.toLowerCase() }] },
  }));
  const last = routeThrough(form, state.answers, journeys.engine.today()).pages.at(-1);
  return {
    serviceName: form.title,
    title: 'Check your answers before sending your form',
    rows,
    declaration: form.definition.declaration,
    errors,
    action: urls(form).checkAnswers,
    backHref: last ? urls(form).page(last) : urls(form).start,
  };
}

async function send(journeys: Journeys, request: FastifyRequest, reply: FastifyReply, form: Form, state: JourneyState) {
  const engine = journeys.engine;
  const today = engine.today();
  const answers = answersOnRoute(form, state.answers, today);
  const user = request.user ? { id: request.user.id, email: request.user.email, name: request.user.name } : null;
  const draftId = state.draftId;
  const submission = await engine.submissions.submit(
    form,
    answers,
    { user, assisted: request.session.assisted, ip: request.ip, requestId: request.id },
    today,
    draftId ? (trx) => engine.drafts.repository.delete(draftId, trx) : undefined,
  );
  endJourney(request, form.id, { reference: submission.reference, email: submission.contact.email });
  return reply.redirect(urls(form).confirmation, 303);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
