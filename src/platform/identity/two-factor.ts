import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FormErrors, readForm, text } from '../http/forms.ts';
import type { Identity } from './identity.ts';
import type { CurrentUser } from './policy.ts';
import { rateLimits } from './rate-limits.ts';
import { actorOf, currentUser, renewSession, takeReturnTo } from './sign-in-session.ts';
import { newTotpSecret, normaliseCode, totpQrCode } from './totp.ts';

const codeForm = z.object({ code: text });

function codeProblem(code: string): string | undefined {
  if (code === '') return 'Enter the code from your authenticator app';
  if (!/^\d{6}$/.test(code)) return 'Enter the code as 6 numbers, like 123456';
  return undefined;
}

/** Staff set up an authenticator app, then give a code from it at each sign-in. */
export function twoFactorRoutes(app: FastifyInstance, identity: Identity): void {
  const { config } = identity.services;

  /** Staff who have already set up the app go to the code page, or on if they have used it. */
  const alreadyEnrolled = (request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(request.session.secondFactorAt ? takeReturnTo(request, '/staff') : '/sign-in/two-factor');

  const setUpPage = async (request: FastifyRequest, reply: FastifyReply, user: CurrentUser, errors = new FormErrors()) => {
    request.session.totpSetUp ??= newTotpSecret();
    const secret = request.session.totpSetUp;
    return reply.code(errors.any ? 400 : 200).render('identity/two-factor-set-up.njk', {
      qrCode: await totpQrCode(secret, user.email, config.councilName),
      secretGroups: secret.match(/.{1,4}/g) ?? [secret],
      ...errors.view(),
    });
  };

  app.get('/account/two-factor/set-up', { config: { access: 'user' } }, async (request, reply) => {
    const user = currentUser(request);
    if (!user.isStaff) return reply.render('identity/two-factor-not-needed.njk');
    if (user.totpEnabled) return alreadyEnrolled(request, reply);
    return setUpPage(request, reply, user);
  });

  app.post('/account/two-factor/set-up', { config: { access: 'user', rateLimit: rateLimits.secondFactor } }, async (request, reply) => {
    const user = currentUser(request);
    if (!user.isStaff) return reply.render('identity/two-factor-not-needed.njk');
    if (user.totpEnabled) return alreadyEnrolled(request, reply);
    const secret = request.session.totpSetUp;
    if (!secret) return reply.redirect('/account/two-factor/set-up', 303);
    const code = normaliseCode(readForm(codeForm, request.body).code);
    const errors = new FormErrors();
    const issue = codeProblem(code);
    if (issue) errors.add('code', issue);
    else if (!(await identity.twoFactor.enrol(user.id, secret, code, actorOf(request)))) errors.add('code', 'The code is not correct. Enter the latest code from your authenticator app');
    if (errors.any) return setUpPage(request, reply, user, errors);

    await passSecondFactor(request);
    request.session.flash = 'Two-factor authentication is set up';
    return reply.redirect(takeReturnTo(request, '/staff'), 303);
  });

  app.get('/sign-in/two-factor', { config: { access: 'user' } }, async (request, reply) => {
    const user = currentUser(request);
    if (!user.totpEnabled) return reply.redirect(user.isStaff ? '/account/two-factor/set-up' : '/account');
    if (request.session.secondFactorAt) return reply.redirect(takeReturnTo(request, '/staff'));
    return reply.render('identity/two-factor.njk');
  });

  app.post('/sign-in/two-factor', { config: { access: 'user', rateLimit: rateLimits.secondFactor } }, async (request, reply) => {
    const user = currentUser(request);
    if (!user.totpEnabled) return reply.redirect(user.isStaff ? '/account/two-factor/set-up' : '/account', 303);
    if (request.session.secondFactorAt) return reply.redirect(takeReturnTo(request, '/staff'), 303);
    const code = normaliseCode(readForm(codeForm, request.body).code);
    const errors = new FormErrors();
    const issue = codeProblem(code);
    if (issue) errors.add('code', issue);
    else if (!(await identity.twoFactor.verify(user.id, code, actorOf(request)))) errors.add('code', 'The code is not correct. Enter the latest code from your authenticator app');
    if (errors.any) return reply.code(400).render('identity/two-factor.njk', errors.view());

    await passSecondFactor(request);
    return reply.redirect(takeReturnTo(request, '/staff'), 303);
  });
}

/** Stepping up to staff access earns a new session id, like signing in does. */
async function passSecondFactor(request: FastifyRequest): Promise<void> {
  request.session.totpSetUp = undefined;
  await renewSession(request);
  request.session.secondFactorAt = Date.now();
}
