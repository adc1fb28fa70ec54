import { badRequest } from './errors.ts';

/** A query string or form body as Fastify parses it: a name maps to a value, or a list when repeated. */
export type Params = Record<string, unknown>;

/**
 * One parameter as text. The spec treats an empty parameter as one not sent ("a null parameter
 * should be treated as equivalent to a non-declared parameter"), so '' is undefined here.
 */
export function text(params: Params, name: string): string | undefined {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Every value of a parameter: repeated, or comma-separated ("service_code=a,b"). */
export function commaList(params: Params, name: string): string[] {
  const raw = params[name];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A W3C date-time with its time zone, as the spec requires (2010-01-01T00:00:00Z). */
const W3C_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function dateParam(params: Params, name: string): Date | undefined {
  const given = text(params, name);
  if (given === undefined) return undefined;
  // An unescaped "+01:00" arrives as " 01:00" once the query string is decoded.
  const value = given.replace(/ (\d{2}:\d{2})$/, '+$1');
  const date = new Date(value);
  if (!W3C_DATE_TIME.test(value) || Number.isNaN(date.getTime())) {
    throw badRequest(`${name} must be a date and time with a time zone, like 2026-05-01T09:30:00Z`);
  }
  return date;
}
