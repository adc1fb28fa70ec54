import type { Categories } from '../categories/catalogue.ts';
import type { ReportState } from '../contracts.ts';
import { normaliseReportReference } from '../reference.ts';
import { badRequest } from './errors.ts';
import { commaList, dateParam, text, type Params } from './params.ts';
import { MAX_REQUESTS, type RequestQuery } from './requests.ts';
import { filterStatuses, statesForFilter } from './statuses.ts';

const DAY_MS = 24 * 3600 * 1000;
/** The spec's default window and the longest a client may ask for. */
export const WINDOW_DAYS = 90;

/**
 * GET requests' filters, checked. Without dates the window is the last 90 days; with one date it
 * is 90 days from (or to) it; a longer window is refused, as the spec allows. `status` takes open
 * and closed, and mySociety's extended statuses (fixed, duplicate…), comma-separated.
 */
export async function requestQuery(categories: Categories, params: Params): Promise<RequestQuery & { extendedStatuses: boolean }> {
  const extendedStatuses = text(params, 'extended_statuses') === 'true';
  const ids = commaList(params, 'service_request_id');
  if (ids.length > MAX_REQUESTS) throw badRequest(`Ask for at most ${MAX_REQUESTS} service_request_id values at once`);
  if (ids.length) {
    // An id that cannot be a reference matches nothing, as an unknown one does.
    const references = ids.map((id) => normaliseReportReference(id) ?? id.slice(0, 20));
    return { references, from: new Date(0), to: new Date(), extendedStatuses };
  }

  const problems: string[] = [];
  const categoryCodes = commaList(params, 'service_code');
  const known = new Set((await categories.active()).map((c) => c.code));
  for (const code of categoryCodes) if (!known.has(code)) problems.push(`service_code ${code.slice(0, 40)} is not a service here: GET services lists them`);

  const states: ReportState[] = [];
  for (const status of commaList(params, 'status')) {
    const matching = statesForFilter(status);
    if (matching) states.push(...matching);
    else problems.push(`status ${status.slice(0, 40)} is not one of ${filterStatuses.join(', ')}`);
  }

  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : new Date());
  const from = start ?? new Date(to.getTime() - WINDOW_DAYS * DAY_MS);
  if (from > to) problems.push('start_date must be before end_date');
  if (to.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS) problems.push(`start_date and end_date may not be more than ${WINDOW_DAYS} days apart`);
  if (problems.length) throw badRequest(problems);
  return { categoryCodes, states: [...new Set(states)], from, to, extendedStatuses };
}
