import * as client from 'openid-client';
import type { Config } from '../config/index.ts';

type OidcSettings = NonNullable<Config['oidc']>;

/** What the session keeps between sending the person to the provider and their return. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says the person is. `emailVerified` is true only when the provider says so. */
export interface OidcProfile {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
}

/** The provider could not be reached, or its answer did not check out. */
export class OidcError extends Error {}

/**
 * Plain http is only for a provider on this machine (tests, local development);
 * openid-client refuses it otherwise, and so do we.
 */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Sign-in through an OpenID Connect provider (GOV.UK One Login, Entra ID, …): authorisation
 * code flow with PKCE, state and nonce. Discovery happens on first use, so the site starts
 * even when the provider is down.
 */
export class OidcClient {
  private configuration?: Promise<client.Configuration>;

  constructor(
    private readonly settings: OidcSettings,
    readonly redirectUri: string,
  ) {}

  get displayName(): string {
    return this.settings.displayName;
  }

  async authorisationUrl(): Promise<{ url: string; checks: OidcChecks }> {
    const config = await this.discover();
    const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, checks };
  }

  /** Exchanges the code from the callback's query string and reads who the person is. */
  async complete(query: string, checks: OidcChecks): Promise<OidcProfile> {
    const config = await this.discover();
    const callback = new URL(this.redirectUri);
    callback.search = query;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new OidcError('the provider sent no ID token');
      let email = typeof claims.email === 'string' ? claims.email : undefined;
      let verified = claims.email_verified === true;
      // Some providers (GOV.UK One Login among them) give the email only from the userinfo endpoint.
      if ((!email || claims.email_verified === undefined) && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof info.email === 'string' ? info.email : undefined;
        verified = info.email_verified === true;
      }
      return { issuer: claims.iss, subject: claims.sub, email, emailVerified: Boolean(email) && verified };
    } catch (error) {
      if (error instanceof OidcError) throw error;
      throw new OidcError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, this.settings.clientSecret ? client.ClientSecretBasic(this.settings.clientSecret) : client.None(), {
        execute: isLoopbackHttp(this.settings.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        // Try again on the next sign-in rather than remembering the failure.
        this.configuration = undefined;
        throw new OidcError(error instanceof Error ? error.message : String(error), { cause: error });
      });
    return this.configuration;
  }
}
