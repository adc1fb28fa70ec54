import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { adminUserRoutes } from './admin-users.ts';
import { changeRoutes } from './change.ts';
import { createIdentity } from './identity.ts';
import { oidcRoutes } from './oidc.ts';
import { resetRoutes } from './reset.ts';
import { signInRoutes } from './sign-in.ts';
import { signUpRoutes } from './sign-up.ts';
import { staffRoutes } from './staff.ts';
import { twoFactorRoutes } from './two-factor.ts';

/** Sign-up, sign-in (password and OIDC), account changes, staff second factor and staff pages. */
export async function identityRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const identity = createIdentity(services);
  signUpRoutes(app, identity);
  signInRoutes(app, identity);
  resetRoutes(app, identity);
  changeRoutes(app, identity);
  oidcRoutes(app, identity);
  twoFactorRoutes(app, identity);
  staffRoutes(app, identity);
  adminUserRoutes(app, identity);
}
