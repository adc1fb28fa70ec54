import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Form } from '../definition/form.ts';
import type { FormsEngine } from '../engine.ts';
import { urls } from '../journey/journeys.ts';
import { keepJourney, type JourneyState } from '../journey/state.ts';

/**
 * "Save and come back later": a signed-in resident's answers go to their account at once;
 * anyone else is asked for an email address to send the link to.
 */
export async function saveAndLeave(engine: FormsEngine, request: FastifyRequest, reply: FastifyReply, form: Form, state: JourneyState): Promise<FastifyReply> {
  if (request.user) {
    const draftId = await engine.drafts.saveForUser(form, state, request.user.id);
    keepJourney(request, form.id, { ...state, draftId });
    return reply.redirect(urls(form).saved, 303);
  }
  keepJourney(request, form.id, state);
  return reply.redirect(urls(form).save, 303);
}
