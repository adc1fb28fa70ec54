import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emailProblem } from '../../../platform/identity/forms.ts';
import { rateLimits } from '../../../platform/identity/rate-limits.ts';
import { formatDate } from '../../../platform/views/index.ts';
import type { FormsEngine } from '../engine.ts';
import { postedText } from '../fields/question.ts';
import { Journeys, urls } from '../journey/journeys.ts';
import { firstIncomplete } from '../journey/path.ts';
import { bodyOf } from '../journey/request.ts';
import { journeyOf, keepJourney } from '../journey/state.ts';
import type { Draft } from './repository.ts';

const open = { access: 'public' } as const;
type FormParams = { Params: { formId: string } };

/** Save and return: the email page for people without an account, the "saved" page, and resuming. */
export async function draftRoutes(app: FastifyInstance, engine: FormsEngine): Promise<void> {
  const journeys = new Journeys(engine);

  app.get<FormParams>('/forms/:formId/save', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    if (!opened || !journeyOf(request, opened.form.id)) return reply.callNotFound();
    return reply.render('forms/save.njk', saveView(opened.form.title, urls(opened.form), '', []));
  });

  // Each save sends an email, so it is limited like the other pages that do.
  app.post<FormParams>('/forms/:formId/save', { config: { ...open, rateLimit: rateLimits.accountChange } }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    if (!opened || !journeyOf(request, opened.form.id)) return reply.callNotFound();
    const { form, state } = opened;
    const email = postedText(bodyOf(request), 'email').trim();
    const problem = emailProblem(email);
    if (problem) return reply.code(400).render('forms/save.njk', saveView(form.title, urls(form), email, [{ href: '#email', text: problem }]));
    const saved = await engine.drafts.saveForEmail(form, state, email);
    keepJourney(request, form.id, { ...state, draftId: saved.id });
    return reply.redirect(`${urls(form).saved}?sent=1`, 303);
  });

  app.get<FormParams & { Querystring: { sent?: string } }>('/forms/:formId/saved', { config: open }, async (request, reply) => {
    const opened = await journeys.open(request, request.params.formId);
    const state = opened ? journeyOf(request, opened.form.id) : undefined;
    if (!opened || !state?.draftId) return reply.callNotFound();
    return reply.render('forms/saved.njk', {
      serviceName: opened.form.title,
      title: 'Your answers have been saved',
      emailed: request.query.sent === '1',
      signedIn: Boolean(request.user),
      expires: formatDate(engine.drafts.expiresAt(opened.form)),
      continueHref: urls(opened.form).start,
    });
  });

  app.get<{ Params: { token: string } }>('/forms/resume/:token', { config: open }, async (request, reply) => {
    const draft = await engine.drafts.byToken(request.params.token);
    return resume(journeys, request, reply, draft);
  });

  app.get<{ Params: { formId: string; draftId: string } }>('/forms/:formId/resume/:draftId', { config: { access: 'user' } }, async (request, reply) => {
    const user = request.user;
    const draft = user ? await engine.drafts.repository.byIdForUser(request.params.draftId, user.id) : null;
    return resume(journeys, request, reply, draft && draft.formId === request.params.formId ? draft : null);
  });
}

/** Puts a draft back in the session and carries on where it was left. */
async function resume(journeys: Journeys, request: FastifyRequest, reply: FastifyReply, draft: Draft | null): Promise<FastifyReply> {
  const form = draft ? await journeys.engine.registry.version(draft.formId, draft.formVersion) : undefined;
  if (!draft || !form) {
    return reply.code(404).render('forms/resume-invalid.njk', { title: 'This link has expired or does not work' });
  }
  const state = { version: draft.formVersion, answers: draft.answers, answered: draft.answered, draftId: draft.id };
  keepJourney(request, form.id, state);
  const next = firstIncomplete(form, state, journeys.engine.today());
  return reply.redirect(next ? urls(form).page(next) : urls(form).checkAnswers, 303);
}

function saveView(formTitle: string, u: ReturnType<typeof urls>, email: string, errors: { href: string; text: string }[]) {
  return { serviceName: formTitle, title: 'Save your answers and come back later', email, errors, action: u.save, backHref: u.start };
}
