import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A contractor's system as Lastmile meets it: a real HTTP server on 127.0.0.1 that speaks Open311
 * GeoReport v2 in XML (POST requests.xml, GET requests.xml, GET tokens/<token>.xml) with mySociety's
 * GET servicerequestupdates.xml, and takes signed JSON webhooks at POST /webhook. It records every
 * request it receives, and can be told to fail: with an HTTP status, by answering too late (after
 * it has created the request, or without), or by dropping the connection.
 */

export type Failure =
  | { kind: 'status'; status: number; body?: string }
  /** Creates the service request, then answers only after `ms`: the client's timeout fires first. */
  | { kind: 'late'; ms: number }
  /** Answers after `ms` without doing anything. */
  | { kind: 'hang'; ms: number }
  /** Closes the connection without an answer. */
  | { kind: 'drop' };

/** Which requests a failure applies to. */
export type Target = 'post' | 'requests' | 'updates' | 'webhook' | 'all';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  /** A POSTed form, parsed. */
  form: URLSearchParams;
  body: string;
  headers: IncomingHttpHeaders;
  at: Date;
}

export interface ServiceRequestRecord {
  serviceRequestId: string;
  token?: string;
  serviceCode: string;
  description: string;
  lat: string;
  long: string;
  status: string;
  form: URLSearchParams;
  requestedAt: Date;
}

export interface UpdateRecord {
  updateId: string;
  serviceRequestId: string;
  status: string;
  description: string;
  updatedAt: Date;
}

export interface ContractorOptions {
  apiKey?: string;
  /** Answer posts with a token (a "batch" service) and give the id through tokens/<token>.xml. */
  batch?: boolean;
  /** The path the Open311 endpoint lives under. */
  basePath?: string;
}

interface ActiveFailure {
  failure: Failure;
  target: Target;
  /** How many more requests it applies to; Infinity until `recover()`. */
  remaining: number;
}

export class ContractorOpen311 {
  readonly received: Received[] = [];
  readonly requests: ServiceRequestRecord[] = [];
  readonly updates: UpdateRecord[] = [];
  private failures: ActiveFailure[] = [];
  private nextId = 1001;
  private nextUpdate = 1;
  private readonly pending = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly options: Required<ContractorOptions>,
  ) {}

  static async start(options: ContractorOptions = {}): Promise<ContractorOpen311> {
    const server = createServer();
    const contractor = new ContractorOpen311(server, { apiKey: options.apiKey ?? 'contractor-key', batch: options.batch ?? false, basePath: options.basePath ?? '/open311/v2' });
    server.on('request', (req, res) => void contractor.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return contractor;
  }

  get origin(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('The contractor server is not listening');
    return `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
  }

  /** The Open311 endpoint, as a route's `endpoint` takes it. */
  get endpoint(): string {
    return `${this.origin}${this.options.basePath}`;
  }

  get webhookUrl(): string {
    return `${this.origin}/webhook`;
  }

  /** Fails the next `times` matching requests (every one until `recover()` when not given). */
  fail(failure: Failure, target: Target = 'all', times = Infinity): void {
    this.failures.push({ failure, target, remaining: times });
  }

  recover(): void {
    this.failures = [];
  }

  /** The requests received at one endpoint ('POST requests.xml', 'GET servicerequestupdates.xml', 'POST /webhook'). */
  calls(method: string, file: string): Received[] {
    return this.received.filter((r) => r.method === method && r.path.endsWith(file));
  }

  /** The contractor's staff change a request; the change appears in servicerequestupdates. */
  addUpdate(serviceRequestId: string, status: string, description: string, updatedAt: Date = new Date()): UpdateRecord {
    const update = { updateId: `UPD-${this.nextUpdate++}`, serviceRequestId, status, description, updatedAt };
    this.updates.push(update);
    const request = this.requests.find((r) => r.serviceRequestId === serviceRequestId);
    if (request) request.status = status;
    return update;
  }

  async close(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const body = await readBody(req);
    const isForm = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const received: Received = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, form: new URLSearchParams(isForm ? body : ''), body, headers: req.headers, at: new Date() };
    this.received.push(received);

    const target = this.targetOf(received);
    const failure = target ? this.takeFailure(target) : undefined;
    if (failure?.kind === 'status') return this.send(res, failure.status, failure.body ?? errorsXml(failure.status, 'The contractor system is unavailable'));
    if (failure?.kind === 'drop') return void res.socket?.destroy();
    if (failure?.kind === 'hang') return this.later(failure.ms, () => this.send(res, 503, errorsXml(503, 'Too late')));

    const answer = this.answer(received);
    if (failure?.kind === 'late') return this.later(failure.ms, () => this.send(res, answer.status, answer.body, answer.type));
    this.send(res, answer.status, answer.body, answer.type);
  }

  private answer(r: Received): { status: number; body: string; type?: string } {
    const base = this.options.basePath;
    if (r.method === 'POST' && r.path === '/webhook') return { status: 202, body: JSON.stringify({ reference: `WH-${this.received.length}` }), type: 'application/json' };
    if (r.method === 'POST' && r.path === `${base}/requests.xml`) return this.create(r.form);
    if (r.method === 'GET' && r.path === `${base}/requests.xml`) return { status: 200, body: requestsXml(this.listRequests(r.query)) };
    if (r.method === 'GET' && r.path === `${base}/servicerequestupdates.xml`) return { status: 200, body: updatesXml(this.listUpdates(r.query)) };
    const token = new RegExp(`^${base}/tokens/([^/]+)\\.xml$`).exec(r.path)?.[1];
    if (r.method === 'GET' && token) {
      const found = this.requests.find((q) => q.token === decodeURIComponent(token));
      return found ? { status: 200, body: xml(`<service_requests><request><service_request_id>${esc(found.serviceRequestId)}</service_request_id><token>${esc(token)}</token></request></service_requests>`) } : { status: 404, body: errorsXml(404, 'No such token') };
    }
    return { status: 404, body: errorsXml(404, 'Not found') };
  }

  private create(form: URLSearchParams): { status: number; body: string } {
    if (form.get('api_key') !== this.options.apiKey) return { status: 403, body: errorsXml(403, 'Invalid api_key') };
    const serviceCode = form.get('service_code');
    if (!serviceCode) return { status: 400, body: errorsXml(400, 'service_code was not provided') };
    if (!(form.get('lat') && form.get('long'))) return { status: 400, body: errorsXml(400, 'A location was not provided') };
    const record: ServiceRequestRecord = {
      serviceRequestId: `SR-${this.nextId++}`,
      serviceCode,
      description: form.get('description') ?? '',
      lat: form.get('lat') ?? '',
      long: form.get('long') ?? '',
      status: 'open',
      form,
      requestedAt: new Date(),
    };
    if (this.options.batch) record.token = `TOKEN-${record.serviceRequestId}`;
    this.requests.push(record);
    const inner = record.token ? `<token>${esc(record.token)}</token>` : `<service_request_id>${esc(record.serviceRequestId)}</service_request_id>`;
    return { status: 200, body: xml(`<service_requests><request>${inner}<service_notice>We aim to fix street lights within 7 days</service_notice><account_id/></request></service_requests>`) };
  }

  private listRequests(query: URLSearchParams): ServiceRequestRecord[] {
    const ids = query.get('service_request_id')?.split(',');
    if (ids) return this.requests.filter((r) => ids.includes(r.serviceRequestId));
    const codes = query.get('service_code')?.split(',');
    const { start, end } = window(query);
    return this.requests.filter((r) => (!codes || codes.includes(r.serviceCode)) && r.requestedAt >= start && r.requestedAt <= end);
  }

  private listUpdates(query: URLSearchParams): UpdateRecord[] {
    const { start, end } = window(query);
    return this.updates.filter((u) => u.updatedAt >= start && u.updatedAt <= end);
  }

  private targetOf(r: Received): Target | undefined {
    if (r.path === '/webhook') return 'webhook';
    if (r.method === 'POST' && r.path.endsWith('/requests.xml')) return 'post';
    if (r.path.endsWith('/requests.xml')) return 'requests';
    if (r.path.endsWith('/servicerequestupdates.xml')) return 'updates';
    return undefined;
  }

  private takeFailure(target: Target): Failure | undefined {
    const active = this.failures.find((f) => f.remaining > 0 && (f.target === 'all' || f.target === target));
    if (!active) return undefined;
    active.remaining -= 1;
    return active.failure;
  }

  private later(ms: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      then();
    }, ms);
    this.pending.add(timer);
  }

  private send(res: ServerResponse, status: number, body: string, type = 'text/xml; charset=utf-8'): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  }
}

function window(query: URLSearchParams): { start: Date; end: Date } {
  const start = query.get('start_date');
  const end = query.get('end_date');
  return { start: start ? new Date(start) : new Date(Date.now() - 90 * 24 * 3600 * 1000), end: end ? new Date(end) : new Date() };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xml(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${inner}`;
}

function w3(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function errorsXml(code: number, description: string): string {
  return xml(`<errors><error><code>${code}</code><description>${esc(description)}</description></error></errors>`);
}

function requestsXml(requests: ServiceRequestRecord[]): string {
  const items = requests.map(
    (r) =>
      `<request><service_request_id>${esc(r.serviceRequestId)}</service_request_id><status>${esc(r.status)}</status><service_code>${esc(r.serviceCode)}</service_code>` +
      `<description>${esc(r.description)}</description><requested_datetime>${w3(r.requestedAt)}</requested_datetime><updated_datetime>${w3(r.requestedAt)}</updated_datetime>` +
      `<lat>${esc(r.lat)}</lat><long>${esc(r.long)}</long></request>`,
  );
  return xml(`<service_requests>${items.join('')}</service_requests>`);
}

function updatesXml(updates: UpdateRecord[]): string {
  const items = updates.map(
    (u) =>
      `<request_update><update_id>${esc(u.updateId)}</update_id><service_request_id>${esc(u.serviceRequestId)}</service_request_id><status>${esc(u.status)}</status>` +
      `<updated_datetime>${w3(u.updatedAt)}</updated_datetime><description>${esc(u.description)}</description><media_url/></request_update>`,
  );
  return xml(`<service_request_updates>${items.join('')}</service_request_updates>`);
}
