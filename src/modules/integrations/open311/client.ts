import { parseErrors, parsePostedRequest, parseRequestUpdates, parseServiceRequests, type PostedRequest, type RequestUpdate, type ServiceRequest } from './xml.ts';

export interface Open311Destination {
  endpoint: string;
  apiKey: string;
  jurisdictionId?: string;
}

/**
 * What a call came to. A failure says whether trying again could help (`permanent`) and whether
 * the contractor may have acted on it anyway (`maybeReceived`: no answer in time, a server error).
 */
export type Open311Result<T> = { ok: true; value: T } | { ok: false; error: string; permanent: boolean; maybeReceived: boolean };

const MAX_ERROR_TEXT = 500;

/** A GeoReport v2 client for one contractor's endpoint, speaking XML (the format every server must offer). */
export class Open311Client {
  constructor(
    private readonly destination: Open311Destination,
    private readonly timeoutMs: number,
  ) {}

  /** POST requests.xml: creates the service request. */
  async postRequest(fields: URLSearchParams): Promise<Open311Result<PostedRequest>> {
    const body = new URLSearchParams(fields);
    body.set('api_key', this.destination.apiKey);
    if (this.destination.jurisdictionId) body.set('jurisdiction_id', this.destination.jurisdictionId);
    const answer = await this.call('POST', 'requests.xml', body);
    if (!answer.ok) return answer;
    const posted = parsePostedRequest(answer.value);
    // Taken but unreadable: it may well exist over there, so look before posting again.
    if (!posted) return { ok: false, error: `The contractor's answer has no service_request_id: ${answer.value.slice(0, MAX_ERROR_TEXT)}`, permanent: false, maybeReceived: true };
    return { ok: true, value: posted };
  }

  /** GET requests.xml for one service over a time window (GeoReport allows up to 90 days). */
  async findRequests(serviceCode: string, start: Date, end: Date): Promise<Open311Result<ServiceRequest[]>> {
    const query = this.query({ service_code: serviceCode, start_date: w3(start), end_date: w3(end) });
    return this.read('requests.xml', query, parseServiceRequests);
  }

  /** GET tokens/<token>.xml: the service_request_id a "batch" service has since given the request. */
  async requestIdForToken(token: string): Promise<Open311Result<{ serviceRequestId?: string }>> {
    return this.read(`tokens/${encodeURIComponent(token)}.xml`, this.query({}), (xml) => {
      const found = parseServiceRequests(xml);
      return found && { serviceRequestId: found[0]?.serviceRequestId };
    });
  }

  /** GET servicerequestupdates.xml (mySociety's extension): updates made between `start` and `end`. */
  async updates(start: Date, end: Date): Promise<Open311Result<RequestUpdate[]>> {
    return this.read('servicerequestupdates.xml', this.query({ start_date: w3(start), end_date: w3(end), api_key: this.destination.apiKey }), parseRequestUpdates);
  }

  private query(values: Record<string, string>): URLSearchParams {
    const query = new URLSearchParams(values);
    if (this.destination.jurisdictionId) query.set('jurisdiction_id', this.destination.jurisdictionId);
    return query;
  }

  private async read<T>(path: string, query: URLSearchParams, parse: (xml: string) => T | undefined): Promise<Open311Result<T>> {
    const answer = await this.call('GET', `${path}?${query.toString()}`);
    if (!answer.ok) return answer;
    const value = parse(answer.value);
    if (value === undefined) return { ok: false, error: `The contractor's answer to ${path} could not be read: ${answer.value.slice(0, MAX_ERROR_TEXT)}`, permanent: false, maybeReceived: false };
    return { ok: true, value };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: URLSearchParams): Promise<Open311Result<string>> {
    let response: Response;
    try {
      response = await fetch(`${this.destination.endpoint}/${path}`, {
        method,
        headers: { accept: 'text/xml', 'user-agent': 'Lastmile-Integrations/1', ...(body && { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }) },
        body: body?.toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return networkFailure(error, this.timeoutMs);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, value: text };
    const detail = parseErrors(text) ?? text.slice(0, MAX_ERROR_TEXT);
    const summary = `The contractor answered ${response.status}${detail ? `: ${detail}` : ''}`;
    if (response.status === 408 || response.status === 429) return { ok: false, error: summary, permanent: false, maybeReceived: false };
    if (response.status >= 500) return { ok: false, error: summary, permanent: false, maybeReceived: true };
    // Any other answer (400 bad request, 401/403 a wrong key, 404 no such service, a redirect) will be the same next time.
    return { ok: false, error: summary, permanent: true, maybeReceived: false };
  }
}

/** W3C date-time in UTC, as GeoReport asks: 2026-06-04T14:15:00Z. */
export function w3(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function networkFailure(error: unknown, timeoutMs: number): { ok: false; error: string; permanent: false; maybeReceived: boolean } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { ok: false, error: `No answer from the contractor within ${timeoutMs / 1000} seconds`, permanent: false, maybeReceived: true };
  }
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  // Refused or unknown host: the request never reached them. Anything else (a reset mid-answer) may have.
  const neverArrived = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return { ok: false, error: `Could not reach the contractor: ${message}`, permanent: false, maybeReceived: !neverArrived };
}
