import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text } from '../../../platform/http/forms.ts';
import type { ReportsCore } from '../core.ts';

const open = { access: 'public' } as const;
const FixedForm = z.object({ fixed: text });
type ByToken = { Params: { token: string }; Querystring: { fixed?: string } };

/**
 * Where the links in our emails land. Each shows a page with a button rather than acting on the
 * GET, because mail scanners open links: only a person's press answers or unsubscribes.
 */
export async function feedbackRoutes(app: FastifyInstance, core: ReportsCore): Promise<void> {
  app.get<ByToken>('/reports/questionnaire/:token', { config: open }, async (request, reply) => {
    const fixed = request.query.fixed === 'yes' || request.query.fixed === 'no' ? request.query.fixed : '';
    return reply.render('reports/questionnaire.njk', { token: request.params.token, fixed });
  });

  app.post<ByToken>('/reports/questionnaire/:token', { config: open }, async (request, reply) => {
    const { fixed } = readForm(FixedForm, request.body);
    if (fixed !== 'yes' && fixed !== 'no') {
      return reply.code(400).render('reports/questionnaire.njk', { token: request.params.token, fixed: '', ...pageErrors([{ href: '#fixed', text: 'Select yes if the problem has been fixed' }]) });
    }
    const answer = await core.questionnaire.answer(request.params.token, fixed === 'yes');
    if (answer.outcome === 'not_found') return reply.code(404).render('reports/link-expired.njk', {});
    return reply.render('reports/questionnaire-done.njk', { answer, fixed: fixed === 'yes' });
  });

  app.get<ByToken>('/reports/unsubscribe/:token', { config: open }, async (request, reply) => reply.render('reports/unsubscribe.njk', { token: request.params.token }));

  app.post<ByToken>('/reports/unsubscribe/:token', { config: open }, async (request, reply) => {
    const done = await core.unsubscribe(request.params.token);
    if (!done) return reply.code(404).render('reports/link-expired.njk', {});
    return reply.render('reports/unsubscribed.njk', { reference: done.reference });
  });
}
