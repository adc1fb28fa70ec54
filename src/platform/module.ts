import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from './services.ts';
import type { NavItem } from './http/render.ts';

/**
 * What a module under src/modules gives the platform. Platform code knows nothing about
 * modules beyond this shape; the composition root (src/app.ts) lists them.
 */
export interface LastmileModule {
  name: string;
  /** Folder of `NNN_name.sql` migrations, applied in order, each in a transaction. */
  migrations?: string;
  /** Folder of Nunjucks templates, searched before the platform's. */
  views?: string;
  /** Links shown in the service navigation. */
  navigation?: NavItem[];
  /** Defines the module's jobs and wires its contributions (account cards, personal data). */
  setUp?(services: Services): void | Promise<void>;
  /**
   * Values the shared layout shows on every page (see layout.njk: `siteName`, `headerLinks`, `footerLinks`,
   * `siteBanners`), worked out per request. Keep it cheap: it runs on every page.
   */
  viewLocals?(services: Services): (request: FastifyRequest) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * Answers a request from what the module shares between anonymous visitors (a cached page), before sessions,
   * users and CSRF are worked out; returns true when it has sent the reply. Security headers are already set.
   */
  sharedResponses?(services: Services): (request: FastifyRequest, reply: FastifyReply) => boolean;
  /** Registers the module's routes. */
  routes?(app: FastifyInstance, services: Services): Promise<void>;
  /** Releases what setUp or routes opened (listeners, timers), before the database closes. */
  stop?(services: Services): Promise<void>;
  /** Demo data for `lastmile seed --demo` and the first start. */
  seedDemo?(services: Services, progress: (label: string, done: number, total: number) => void): Promise<void>;
}
