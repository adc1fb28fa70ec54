import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Strict security headers. Scripts run only from our origin or with this response's nonce
 * (GOV.UK Frontend's template adds one inline script to flag `js-enabled`).
 */
export const securityPlugin = fp<{ production: boolean; extraConnectSrc?: string[]; extraImgSrc?: string[] }>(
  async (app, opts) => {
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
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
    app.addHook('onRequest', async (_request, reply) => {
      reply.viewLocals.cspNonce = reply.cspNonce.script;
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
    });
  },
);
