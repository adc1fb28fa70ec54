import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../http/errors.ts';
import type { Identity } from './identity.ts';
import { OidcError, type OidcProfile } from './oidc-client.ts';
import { loadUser } from './policy.ts';
import { actorOf, beginSession, nextStep } from './sign-in-session.ts';

/** "Sign in with <provider>": off to the provider, and back with a code. */
export function oidcRoutes(app: FastifyInstance, identity: Identity): void {
  const { config, db, log } = identity.services;
  const oidc = identity.oidc;

  const unavailable = (name: string) =>
    new HttpProblem(503, `Signing in with ${name} is not available at the moment`, ['Try again later, or sign in with your email address and password.']);

  app.get('/sign-in/oidc', { config: { access: 'public' } }, async (request, reply) => {
    if (!oidc) return reply.callNotFound();
    try {
      const { url, checks } = await oidc.client.authorisationUrl();
      request.session.oidc = checks;
      return reply.redirect(url);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      log.warn({ err: error }, 'identity provider discovery failed');
      throw unavailable(oidc.client.displayName);
    }
  });

  app.get('/sign-in/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    if (!oidc) return reply.callNotFound();
    const name = oidc.client.displayName;
    const checks = request.session.oidc;
    // One use only: a replayed callback finds nothing to check against.
    request.session.oidc = undefined;
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const params = new URLSearchParams(query);
    if (params.get('error') === 'access_denied') {
      return reply.code(400).render('identity/oidc-problem.njk', { name, reason: 'cancelled' });
    }
    if (!checks) return reply.code(400).render('identity/oidc-problem.njk', { name, reason: 'expired' });

    let profile: OidcProfile;
    try {
      profile = await oidc.client.complete(query, checks);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      request.log.info({ err: error }, 'identity provider sign-in refused');
      return reply.code(400).render('identity/oidc-problem.njk', { name, reason: 'failed' });
    }
    const found = await oidc.accounts.accountFor(profile, actorOf(request));
    if (found.outcome !== 'account') return reply.code(403).render('identity/oidc-problem.njk', { name, reason: found.outcome });

    await identity.authentication.recordSignIn(found.userId, 'oidc', actorOf(request));
    const returnTo = await beginSession(request, found.userId);
    const user = await loadUser(db, found.userId);
    if (!user) return reply.redirect('/sign-in');
    return reply.redirect(nextStep(request, user, returnTo, config.staff2fa));
  });
}
