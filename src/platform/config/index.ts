import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from './schema.ts';

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  baseUrl: string;
  /** Leaflet tile URL template for maps (OpenStreetMap by default). */
  mapTileUrl: string;
  dataDir: string;
  databaseUrl?: string;
  embeddedPgPort: number;
  councilName: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  staff2fa: 'required' | 'optional';
  notify: { apiKey?: string; emailTemplateId?: string; smsTemplateId?: string };
  oidc?: { issuer: string; clientId: string; clientSecret?: string; scopes: string; displayName: string };
  worker: 'inline' | 'off';
  demoSeed: boolean;
  logLevel: string;
  trustProxy: boolean;
  metricsToken?: string;
  /** Saved form drafts: days kept when a form does not say; a folder of extra form definitions. */
  forms: { draftDays: number; extraDir?: string };
  /** Sending reports to contractors' systems and reading their status updates back (integrations). */
  contractors: { pollMinutes: number; retryLimit: number; retryDelaySeconds: number; timeoutSeconds: number };
  /** Where the website's content comes from: the built-in store, or a Contentful space mirrored into it. */
  site: {
    source: 'builtin' | 'contentful';
    contentful?: { spaceId: string; environment: string; accessToken: string; host: string; insecure: boolean; syncMinutes: number; webhookSecret?: string };
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once and validates it; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Lastmile cannot start: these settings are not valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    env: c.NODE_ENV,
    isProduction: c.NODE_ENV === 'production',
    port: c.PORT,
    host: c.HOST,
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    mapTileUrl: c.MAP_TILE_URL,
    dataDir,
    databaseUrl: c.DATABASE_URL,
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    councilName: c.COUNCIL_NAME,
    sessionSecret: c.SESSION_SECRET ?? localSecret(dataDir),
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    staff2fa: c.STAFF_2FA ?? (c.NODE_ENV === 'production' ? 'required' : 'optional'),
    notify: { apiKey: c.NOTIFY_API_KEY, emailTemplateId: c.NOTIFY_EMAIL_TEMPLATE_ID, smsTemplateId: c.NOTIFY_SMS_TEMPLATE_ID },
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID
        ? {
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            scopes: c.OIDC_SCOPES,
            displayName: c.OIDC_DISPLAY_NAME,
          }
        : undefined,
    worker: c.WORKER,
    demoSeed: c.DEMO_SEED ?? c.NODE_ENV !== 'production',
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    metricsToken: c.METRICS_TOKEN,
    forms: { draftDays: c.FORMS_DRAFT_DAYS, extraDir: c.FORMS_EXTRA_DIR ? path.resolve(c.FORMS_EXTRA_DIR) : undefined },
    contractors: {
      pollMinutes: c.CONTRACTOR_POLL_MINUTES,
      retryLimit: c.CONTRACTOR_RETRY_LIMIT,
      retryDelaySeconds: c.CONTRACTOR_RETRY_DELAY_SECONDS,
      timeoutSeconds: c.CONTRACTOR_TIMEOUT_SECONDS,
    },
    site: {
      source: c.SITE_CONTENT_SOURCE,
      contentful:
        c.CONTENTFUL_SPACE_ID && c.CONTENTFUL_DELIVERY_TOKEN
          ? {
              spaceId: c.CONTENTFUL_SPACE_ID,
              environment: c.CONTENTFUL_ENVIRONMENT,
              accessToken: c.CONTENTFUL_DELIVERY_TOKEN,
              host: c.CONTENTFUL_HOST,
              insecure: c.CONTENTFUL_INSECURE,
              syncMinutes: c.CONTENTFUL_SYNC_MINUTES,
              webhookSecret: c.CONTENTFUL_WEBHOOK_SECRET,
            }
          : undefined,
    },
  };
}

/** Outside production a secret is made once and kept in DATA_DIR, so sessions survive a restart. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
