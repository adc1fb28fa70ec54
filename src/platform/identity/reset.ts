import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseEmail } from './email.ts';
import { FormErrors, readForm, text } from '../http/forms.ts';
import { emailProblem } from './forms.ts';
import type { Identity } from './identity.ts';
import { passwordProblem } from './passwords.ts';
import { rateLimits } from './rate-limits.ts';
import { actorOf } from './sign-in-session.ts';

const emailForm = z.object({ email: text });
const passwordForm = z.object({ password: text });
const tokenQuery = z.object({ token: text });

/** "Forgotten your password?" and the page its emailed link opens. */
export function resetRoutes(app: FastifyInstance, identity: Identity): void {
  app.get('/forgotten-password', { config: { access: 'public' } }, async (_request, reply) => reply.render('identity/forgotten-password.njk'));

  app.post('/forgotten-password', { config: { access: 'public', rateLimit: rateLimits.passwordReset } }, async (request, reply) => {
    const form = readForm(emailForm, request.body);
    const errors = new FormErrors();
    const issue = emailProblem(form.email);
    if (issue) errors.add('email', issue);
    if (errors.any) return reply.code(400).render('identity/forgotten-password.njk', { values: form, ...errors.view() });
    await identity.passwordReset.request(form.email, actorOf(request));
    return reply.render('identity/check-email.njk', { reason: 'reset', email: normaliseEmail(form.email) });
  });

  app.get('/reset-password', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = readForm(tokenQuery, request.query);
    if (!(await identity.passwordReset.linkIsValid(token))) return reply.code(400).render('identity/link-invalid.njk', { reason: 'reset' });
    return reply.render('identity/reset-password.njk', { token });
  });

  app.post('/reset-password', { config: { access: 'public', rateLimit: rateLimits.passwordReset } }, async (request, reply) => {
    const { token } = readForm(tokenQuery, request.query);
    const form = readForm(passwordForm, request.body);
    if (!(await identity.passwordReset.linkIsValid(token))) return reply.code(400).render('identity/link-invalid.njk', { reason: 'reset' });
    const errors = new FormErrors();
    const issue = form.password === '' ? 'Enter a new password' : passwordProblem(form.password);
    if (issue) errors.add('password', issue);
    if (errors.any) return reply.code(400).render('identity/reset-password.njk', { token, ...errors.view() });

    if (!(await identity.passwordReset.reset(token, form.password, actorOf(request)))) {
      return reply.code(400).render('identity/link-invalid.njk', { reason: 'reset' });
    }
    // Every session of the account has ended, this one included.
    await request.session.regenerate();
    request.session.flash = 'Your password has been reset. Sign in with your new password.';
    return reply.redirect('/sign-in', 303);
  });
}
