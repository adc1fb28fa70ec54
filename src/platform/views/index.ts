import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const require = createRequire(import.meta.url);

/** The folder that holds `govuk/` (templates, components and assets) in govuk-frontend. */
export const govukFrontendDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const platformTemplates = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export interface ViewGlobals {
  councilName: string;
  sessionIdleMinutes: number;
}

type ExportsCallback = (err: Error | null, exported?: Record<string, unknown>) => void;
interface ExportingTemplate {
  getExported(ctx: unknown, parentFrame?: unknown, cb?: ExportsCallback): void;
}

let importsMemoised = false;

/**
 * Nunjucks runs an imported template's top level on every `{% from … import %}`, and GOV.UK
 * Frontend's macros import one another, so each page re-ran dozens of templates per render.
 * An import without context cannot see the page's variables, so its exports are the same every
 * time: keep them per compiled template (templates are recompiled when caching is off).
 */
function memoiseImports(): void {
  if (importsMemoised) return;
  importsMemoised = true;
  const exportsOf = new WeakMap<object, Record<string, unknown>>();
  // The method is not in nunjucks' type definitions, so we describe the part we wrap.
  const proto: ExportingTemplate = nunjucks.Template.prototype as unknown as ExportingTemplate;
  const original = proto.getExported;
  proto.getExported = function getExported(this: object, ctx: unknown, parentFrame?: unknown, cb?: ExportsCallback) {
    if (typeof ctx !== 'function') return original.call(this, ctx, parentFrame, cb);
    const done: ExportsCallback = (err, exported) => {
      if (!err && exported) exportsOf.set(this, exported);
      (ctx as ExportsCallback)(err, exported);
    };
    const cached = exportsOf.get(this);
    if (cached) return done(null, cached);
    original.call(this, done);
  };
}

export function createViewEnvironment(templateDirs: string[], globals: ViewGlobals, noCache = false): nunjucks.Environment {
  memoiseImports();
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([...templateDirs, platformTemplates, govukFrontendDist], { noCache }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addGlobal('councilName', globals.councilName);
  env.addGlobal('sessionIdleMinutes', globals.sessionIdleMinutes);
  env.addFilter('date', (value: unknown) => formatDate(value));
  env.addFilter('dateTime', (value: unknown) => formatDate(value, true));
  return env;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });

/** GOV.UK style: "4 June 2026" and "4 June 2026 at 2:15pm". */
export function formatDate(value: unknown, withTime = false): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  const day = dateFormat.format(date);
  return withTime ? `${day} at ${timeFormat.format(date).replace(' ', '').toLowerCase()}` : day;
}
