import type { Services } from '../services.ts';
import { Authentication } from './authentication.ts';
import { EmailChange } from './email-change.ts';
import { OidcAccounts } from './oidc-accounts.ts';
import { OidcClient } from './oidc-client.ts';
import { PasswordReset } from './password-reset.ts';
import { Registration } from './registration.ts';
import { StaffDirectory } from './staff-directory.ts';
import { TwoFactor } from './totp.ts';

/** The identity commands the routes call, built once from the platform's services. */
export interface Identity {
  services: Services;
  registration: Registration;
  authentication: Authentication;
  passwordReset: PasswordReset;
  emailChange: EmailChange;
  twoFactor: TwoFactor;
  staff: StaffDirectory;
  /** Present when OIDC_ISSUER and OIDC_CLIENT_ID are set. */
  oidc?: { client: OidcClient; accounts: OidcAccounts };
}

export function createIdentity(services: Services): Identity {
  const { config } = services;
  return {
    services,
    registration: new Registration(services),
    authentication: new Authentication(services),
    passwordReset: new PasswordReset(services),
    emailChange: new EmailChange(services),
    twoFactor: new TwoFactor(services),
    staff: new StaffDirectory(services.db),
    oidc: config.oidc ? { client: new OidcClient(config.oidc, `${config.baseUrl}/sign-in/oidc/callback`), accounts: new OidcAccounts(services) } : undefined,
  };
}
