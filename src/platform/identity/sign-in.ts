import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseEmail } from './email.ts';
import { FormErrors, readForm, text } from '../http/forms.ts';
import { emailProblem } from './forms.ts';
import type { Identity } from './identity.ts';
import { loadUser } from './policy.ts';
import { rateLimits, signInCeiling } from './rate-limits.ts';
import { actorOf, beginSession, nextStep } from './sign-in-session.ts';

const signInForm = z.object({ email: text, password: text });

/** Sign in with email and password; sign out. */
export function signInRoutes(app: FastifyInstance, identity: Identity): void {
  const { config, db } = identity.services;
  const page = (data: Record<string, unknown> = {}) => ({ oidcName: identity.oidc?.client.displayName, ...data });

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/account');
    return reply.render('identity/sign-in.njk', page());
  });

  app.post('/sign-in', { config: { access: 'public', rateLimit: rateLimits.signIn }, preHandler: signInCeiling(app) }, async (request, reply) => {
    const form = readForm(signInForm, request.body);
    const errors = new FormErrors();
    const emailIssue = emailProblem(form.email);
    if (emailIssue) errors.add('email', emailIssue);
    if (form.password === '') errors.add('password', 'Enter your password');
    if (errors.any) return reply.code(400).render('identity/sign-in.njk', page({ values: { email: form.email }, ...errors.view() }));

    const result = await identity.authentication.signIn(form.email, form.password, actorOf(request));
    if (result.outcome === 'refused') {
      errors.add('email', 'Your email address or password is not correct');
      return reply.code(400).render('identity/sign-in.njk', page({ values: { email: form.email }, ...errors.view() }));
    }
    if (result.outcome === 'unconfirmed') {
      // Only someone who knows the password gets here: send a fresh link rather than an account.
      await identity.registration.resendConfirmation(result.userId);
      return reply.render('identity/check-email.njk', { reason: 'unconfirmed', email: normaliseEmail(form.email) });
    }
    const returnTo = await beginSession(request, result.userId);
    const user = await loadUser(db, result.userId);
    if (!user) return reply.redirect('/sign-in', 303);
    return reply.redirect(nextStep(request, user, returnTo, config.staff2fa), 303);
  });

  app.get('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.user) return reply.redirect('/');
    return reply.render('identity/sign-out.njk');
  });

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) await identity.authentication.recordSignOut(request.user.id, actorOf(request));
    // A new, empty session: the old id and everything in it are gone from the store.
    await request.session.regenerate();
    request.session.flash = 'You have signed out';
    return reply.redirect('/', 303);
  });
}
