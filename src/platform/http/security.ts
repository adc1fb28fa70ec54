import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const NONCE = 'lastmile-nonce-placeholder';

export interface SecurityOptions {
  production: boolean;
  extraConnectSrc?: string[];
  extraImgSrc?: string[];
}

/**
 * Strict security headers, as helmet sets them. Helmet builds its headers on every request,
 * which cost more than half our throughput; they only differ by the CSP nonce, so we ask helmet
 * once at start and replay its headers, putting a fresh nonce into the CSP.
 * Scripts run only from our origin or with the nonce (GOV.UK Frontend's template has one inline script).
 */
export const securityPlugin = fp<SecurityOptions>(async (app, opts) => {
  const headers = headersFromHelmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", `'nonce-${NONCE}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(opts.extraImgSrc ?? [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...(opts.extraConnectSrc ?? [])],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: opts.production ? [] : null,
      },
    },
    strictTransportSecurity: opts.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  const { 'content-security-policy': csp = '', ...fixed } = headers;
  fixed['permissions-policy'] = 'camera=(), microphone=(), geolocation=(self)';
  const [cspBefore, cspAfter] = csp.split(NONCE);

  app.addHook('onRequest', async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    reply.viewLocals.cspNonce = nonce;
    reply.headers(fixed);
    reply.header('content-security-policy', `${cspBefore}${nonce}${cspAfter ?? ''}`);
  });
});

/** Runs helmet's middleware against a recording response and returns the headers it set. */
export function headersFromHelmet(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)(recorder as unknown as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}
