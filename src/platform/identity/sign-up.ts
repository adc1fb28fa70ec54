import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseEmail } from './email.ts';
import { FormErrors, readForm, text } from '../http/forms.ts';
import { emailProblem } from './forms.ts';
import type { Identity } from './identity.ts';
import { passwordProblem } from './passwords.ts';
import { rateLimits } from './rate-limits.ts';
import { actorOf } from './sign-in-session.ts';

const signUpForm = z.object({ email: text, password: text });
const tokenQuery = z.object({ token: text });

/** Create an account, check your email, confirm your email address. */
export function signUpRoutes(app: FastifyInstance, identity: Identity): void {
  app.get('/sign-up', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/account');
    return reply.render('identity/sign-up.njk');
  });

  app.post('/sign-up', { config: { access: 'public', rateLimit: rateLimits.signUp } }, async (request, reply) => {
    const form = readForm(signUpForm, request.body);
    const errors = new FormErrors();
    const emailIssue = emailProblem(form.email);
    if (emailIssue) errors.add('email', emailIssue);
    const passwordIssue = form.password === '' ? 'Create a password' : passwordProblem(form.password);
    if (passwordIssue) errors.add('password', passwordIssue);
    if (errors.any) return reply.code(400).render('identity/sign-up.njk', { values: { email: form.email }, ...errors.view() });

    await identity.registration.register(form.email, form.password, actorOf(request));
    request.session.checkEmail = normaliseEmail(form.email);
    return reply.redirect('/sign-up/check-email', 303);
  });

  app.get('/sign-up/check-email', { config: { access: 'public' } }, async (request, reply) => {
    return reply.render('identity/check-email.njk', { reason: 'sign-up', email: request.session.checkEmail });
  });

  app.get('/verify-email', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = readForm(tokenQuery, request.query);
    const confirmed = token !== '' && (await identity.registration.confirmEmail(token, actorOf(request)));
    if (!confirmed) return reply.code(400).render('identity/link-invalid.njk', { reason: 'confirm' });
    request.session.checkEmail = undefined;
    request.session.flash = 'Your email address is confirmed. Sign in to continue.';
    return reply.redirect(request.user ? '/account' : '/sign-in', 303);
  });
}
