import { XMLParser } from 'fast-xml-parser';

/** A GeoReport v2 service request, as GET requests.xml lists it (the fields we use). */
export interface ServiceRequest {
  serviceRequestId: string;
  status?: string;
  serviceCode?: string;
  description?: string;
  requestedAt?: Date;
}

/** One of mySociety's servicerequestupdates: a change to a request in the contractor's system. */
export interface RequestUpdate {
  updateId: string;
  serviceRequestId: string;
  status: string;
  updatedAt: Date;
  description?: string;
  externalStatusCode?: string;
}

/** What POST requests.xml answered: an id, or (for "batch" services) a token to swap for one later. */
export interface PostedRequest {
  serviceRequestId?: string;
  token?: string;
}

// Values stay strings ("00123" is an id, not a number), and these elements are lists even when one is sent.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['request', 'request_update', 'error'].includes(name),
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: unknown, name: string): unknown {
  return isNode(node) && Object.hasOwn(node, name) ? node[name] : undefined;
}

function list(node: unknown, name: string): Node[] {
  const value = child(node, name);
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The text of a child element; an empty element (`<account_id/>`) is absent. */
function text(node: unknown, name: string): string | undefined {
  const value = child(node, name);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function date(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function parse(xml: string): unknown {
  try {
    return parser.parse(xml);
  } catch {
    return undefined;
  }
}

export function parsePostedRequest(xml: string): PostedRequest | undefined {
  const first = list(child(parse(xml), 'service_requests'), 'request')[0];
  if (!first) return undefined;
  const found = { serviceRequestId: text(first, 'service_request_id'), token: text(first, 'token') };
  return found.serviceRequestId || found.token ? found : undefined;
}

export function parseServiceRequests(xml: string): ServiceRequest[] | undefined {
  const root = child(parse(xml), 'service_requests');
  if (root === undefined) return undefined;
  return list(root, 'request').flatMap((r) => {
    const serviceRequestId = text(r, 'service_request_id');
    if (!serviceRequestId) return [];
    return [{ serviceRequestId, status: text(r, 'status'), serviceCode: text(r, 'service_code'), description: text(r, 'description'), requestedAt: date(text(r, 'requested_datetime')) }];
  });
}

/** Updates in the order they happened; ones without an id, request, status or time are left out. */
export function parseRequestUpdates(xml: string): RequestUpdate[] | undefined {
  const root = child(parse(xml), 'service_request_updates');
  if (root === undefined) return undefined;
  const updates = list(root, 'request_update').flatMap((u): RequestUpdate[] => {
    const updateId = text(u, 'update_id');
    const serviceRequestId = text(u, 'service_request_id');
    const status = text(u, 'status');
    const updatedAt = date(text(u, 'updated_datetime'));
    if (!updateId || !serviceRequestId || !status || !updatedAt) return [];
    return [{ updateId, serviceRequestId, status, updatedAt, description: text(u, 'description'), externalStatusCode: text(u, 'external_status_code') }];
  });
  return updates.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
}

/** The descriptions in a GeoReport `<errors>` body, joined; undefined when the body is not one. */
export function parseErrors(xml: string): string | undefined {
  const errors = list(child(parse(xml), 'errors'), 'error');
  const described = errors.map((e) => [text(e, 'code'), text(e, 'description')].filter(Boolean).join(': ')).filter(Boolean);
  return described.length ? described.join('; ') : undefined;
}
