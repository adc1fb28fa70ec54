import type { ReportCategory } from '../categories/catalogue.ts';
import type { Params } from './params.ts';
import { ASSET_ATTRIBUTE, attributesOf, type ServiceAttribute } from './services.ts';

export interface ReadAttributes {
  /** Answers keyed by question code, as the pipeline takes them. */
  answers: Record<string, unknown>;
  assetId: string | undefined;
  /** What was wrong, one description per attribute, for a 400. */
  problems: string[];
}

/** `attribute[code]=v`; `attribute[code][]=v` is the spec's form for lists, read the same way. */
const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * Reads a POST's attributes against the service definition. Attributes the definition does not
 * have are passed over: FixMyStreet, for one, sends its own (title, report_url) to every server.
 */
export function readAttributes(category: ReportCategory, body: Params): ReadAttributes {
  const given = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(body)) {
    const code = ATTRIBUTE.exec(name)?.[1];
    if (!code) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
    given.set(code, [...(given.get(code) ?? []), ...values]);
  }
  const answers: Record<string, unknown> = {};
  const problems: string[] = [];
  let assetId: string | undefined;
  for (const attribute of attributesOf(category)) {
    const values = given.get(attribute.code) ?? [];
    if (values.length === 0) {
      if (attribute.required) problems.push(`attribute[${attribute.code}] is required: ${attribute.description}`);
      continue;
    }
    const checked = checkValue(attribute, values);
    if (typeof checked === 'object') problems.push(`attribute[${attribute.code}] ${checked.problem}`);
    else if (attribute.code === ASSET_ATTRIBUTE) assetId = checked;
    else answers[attribute.code] = checked;
  }
  return { answers, assetId, problems };
}

function checkValue(attribute: ServiceAttribute, values: string[]): string | { problem: string } {
  const [first = ''] = values;
  if (values.length > 1) return { problem: `takes one value, not ${values.length}` };
  if (attribute.datatype === 'string') return first.length <= 200 ? first : { problem: 'must be 200 characters or less' };
  const keys = attribute.values.map((v) => v.key);
  return keys.includes(first) ? first : { problem: `"${first.slice(0, 40)}" is not an allowed value; it must be one of: ${keys.join(', ')}` };
}
