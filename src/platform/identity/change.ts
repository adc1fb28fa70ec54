import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseEmail } from './email.ts';
import { FormErrors, readForm, text } from '../http/forms.ts';
import { emailProblem } from './forms.ts';
import type { Identity } from './identity.ts';
import { passwordProblem } from './passwords.ts';
import { rateLimits } from './rate-limits.ts';
import { actorOf, currentUser, renewSession } from './sign-in-session.ts';

const changeEmailForm = z.object({ email: text, password: text });
const changePasswordForm = z.object({ currentPassword: text, newPassword: text });
const tokenQuery = z.object({ token: text });

/** A signed-in person changes their email address or password; both ask for the current password. */
export function changeRoutes(app: FastifyInstance, identity: Identity): void {
  const { authentication, emailChange } = identity;
  const providerName = identity.oidc?.client.displayName ?? 'your identity provider';

  app.get('/account/change-email', { config: { access: 'user' } }, async (request, reply) => {
    const user = currentUser(request);
    if (!(await authentication.hasPassword(user.id))) return reply.render('identity/no-password.njk', { providerName, task: 'email' });
    return reply.render('identity/change-email.njk', { currentEmail: user.email });
  });

  app.post('/account/change-email', { config: { access: 'user', rateLimit: rateLimits.accountChange } }, async (request, reply) => {
    const user = currentUser(request);
    const form = readForm(changeEmailForm, request.body);
    const errors = new FormErrors();
    const emailIssue = emailProblem(form.email, 'Enter your new email address');
    if (emailIssue) errors.add('email', emailIssue);
    else if (normaliseEmail(form.email).toLowerCase() === user.email.toLowerCase()) errors.add('email', 'Enter a different email address to the one you use now');
    if (form.password === '') errors.add('password', 'Enter your password');
    else if (!(await authentication.passwordMatches(user.id, form.password))) errors.add('password', 'Your password is not correct');
    if (errors.any) return reply.code(400).render('identity/change-email.njk', { currentEmail: user.email, values: { email: form.email }, ...errors.view() });

    await emailChange.request(user.id, form.email, actorOf(request));
    return reply.render('identity/check-email.njk', { reason: 'change-email', email: normaliseEmail(form.email) });
  });

  app.get('/account/change-email/confirm', { config: { access: 'user' } }, async (request, reply) => {
    const user = currentUser(request);
    const { token } = readForm(tokenQuery, request.query);
    const outcome = token === '' ? 'invalid' : await emailChange.confirm(user.id, token, actorOf(request));
    if (outcome === 'invalid') return reply.code(400).render('identity/link-invalid.njk', { reason: 'change-email' });
    if (outcome === 'taken') return reply.code(409).render('identity/link-invalid.njk', { reason: 'email-taken' });
    request.session.flash = 'Your email address has been changed';
    return reply.redirect('/account', 303);
  });

  app.get('/account/change-password', { config: { access: 'user' } }, async (request, reply) => {
    const user = currentUser(request);
    if (!(await authentication.hasPassword(user.id))) return reply.render('identity/no-password.njk', { providerName, task: 'password' });
    return reply.render('identity/change-password.njk');
  });

  app.post('/account/change-password', { config: { access: 'user', rateLimit: rateLimits.accountChange } }, async (request, reply) => {
    const user = currentUser(request);
    const form = readForm(changePasswordForm, request.body);
    const errors = new FormErrors();
    if (form.currentPassword === '') errors.add('currentPassword', 'Enter your current password');
    else if (!(await authentication.passwordMatches(user.id, form.currentPassword))) errors.add('currentPassword', 'Your current password is not correct');
    const issue = form.newPassword === '' ? 'Enter a new password' : passwordProblem(form.newPassword);
    if (issue) errors.add('newPassword', issue);
    if (errors.any) return reply.code(400).render('identity/change-password.njk', errors.view());

    await authentication.changePassword(user.id, form.newPassword, request.session.sessionId, actorOf(request));
    await renewSession(request);
    request.session.flash = 'Your password has been changed';
    return reply.redirect('/account', 303);
  });
}
