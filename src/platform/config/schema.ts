import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every setting Lastmile reads, with its default. The README lists the same names. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: z.url().optional(),
    /** Map tiles for the reports map: a Leaflet URL template; its host is added to the CSP's img-src. */
    MAP_TILE_URL: z.string().regex(/^https:\/\/[^/\s]+\/\S*\{z\}\S*$/).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    EMBEDDED_PG_PORT: port.default(54329),
    COUNCIL_NAME: z.string().min(1).default('Stockport Council'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    STAFF_2FA: z.enum(['required', 'optional']).optional(),
    NOTIFY_API_KEY: optionalText,
    NOTIFY_EMAIL_TEMPLATE_ID: optionalText,
    NOTIFY_SMS_TEMPLATE_ID: optionalText,
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_SCOPES: z.string().default('openid email'),
    OIDC_DISPLAY_NAME: z.string().default('GOV.UK One Login'),
    WORKER: z.enum(['inline', 'off']).default('inline'),
    DEMO_SEED: bool.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    METRICS_TOKEN: optionalText,
    FORMS_DRAFT_DAYS: z.coerce.number().int().min(1).max(365).default(28),
    FORMS_EXTRA_DIR: optionalText,
    CONTRACTOR_POLL_MINUTES: z.coerce.number().int().min(0).max(59).default(5),
    CONTRACTOR_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(8),
    CONTRACTOR_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    CONTRACTOR_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(300).default(20),
    SITE_CONTENT_SOURCE: z.enum(['builtin', 'contentful']).default('builtin'),
    CONTENTFUL_SPACE_ID: optionalText,
    CONTENTFUL_ENVIRONMENT: z.string().default('master'),
    CONTENTFUL_DELIVERY_TOKEN: optionalText,
    CONTENTFUL_HOST: z.string().default('cdn.contentful.com'),
    CONTENTFUL_INSECURE: bool.default(false),
    CONTENTFUL_WEBHOOK_SECRET: optionalText,
    CONTENTFUL_SYNC_MINUTES: z.coerce.number().int().min(1).max(59).default(5),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    if (c.NOTIFY_API_KEY && !c.NOTIFY_EMAIL_TEMPLATE_ID) {
      ctx.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_TEMPLATE_ID'], message: 'is required when NOTIFY_API_KEY is set' });
    }
    if (c.SITE_CONTENT_SOURCE === 'contentful') {
      for (const name of ['CONTENTFUL_SPACE_ID', 'CONTENTFUL_DELIVERY_TOKEN'] as const) {
        if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SITE_CONTENT_SOURCE is contentful' });
      }
    }
    if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is required when OIDC_ISSUER is set' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;
