import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { Categories } from '../categories/catalogue.ts';
import type { ReportPipeline, ReportStateChanges } from '../contracts.ts';
import type { ReportRecords } from '../records.ts';
import type { ReportsDb } from '../tables.ts';
import { bodyParams, queryParams, rateLimitFor, requireClient } from './auth.ts';
import type { Open311Clients } from './clients.ts';
import { discovery } from './discovery.ts';
import { Open311Error, errorBody, notFound, type Open311Problem } from './errors.ts';
import { contentTypes, list, serialise, splitFormat, type Format, type Open311List, type Open311Object } from './format.ts';
import { text } from './params.ts';
import { postRequest } from './post-request.ts';
import { applyUpdate, findUpdates, postedUpdate, updateList, updatesWindow } from './request-updates.ts';
import { findRequests, requestList, requestsWithId } from './requests.ts';
import { requestQuery } from './request-query.ts';
import { definitionOf, serviceOf } from './services.ts';

export interface Open311Deps {
  db: ReportsDb;
  clients: Open311Clients;
  categories: Categories;
  pipeline: ReportPipeline;
  updates: ReportStateChanges;
  records: ReportRecords;
  gazetteer: Gazetteer;
  councilName: string;
  /** "Stockport", for "outside Stockport". */
  areaName: string;
  baseUrl: string;
  production: boolean;
  /** Public addresses for reports' photos, given as media_url. */
  photoUrl?: (reportId: string, fileId: string) => string;
}

export const OPEN311_PREFIX = '/open311/v2';

const FORMATS: Format[] = ['xml', 'json'];

/**
 * The Open311 GeoReport v2 server, with mySociety's extensions, at /open311/v2. Its own error
 * handler and 404 answer in the spec's error format; clients authenticate by api_key, not by
 * session, so CSRF does not apply.
 */
export async function open311Server(app: FastifyInstance, deps: Open311Deps): Promise<void> {
  await app.register(
    async (scope) => {
      installErrors(scope);
      // After body parsing (preHandler), so a POST's api_key is there to count by.
      scope.addHook('preHandler', scope.rateLimit(rateLimitFor(deps.clients)));
      const config = { csrf: false, access: 'public' as const };

      for (const format of FORMATS) {
        scope.get(`/discovery.${format}`, { config }, async (_request, reply) =>
          send(reply, format, 'discovery', discovery({ baseUrl: deps.baseUrl, councilName: deps.councilName, production: deps.production })),
        );

        scope.get(`/services.${format}`, { config }, async (_request, reply) => send(reply, format, 'services', list('service', (await deps.categories.active()).map(serviceOf))));

        scope.get(`/requests.${format}`, { config }, async (request, reply) => {
          const query = await requestQuery(deps.categories, queryParams(request));
          const rows = await findRequests(deps.db, query);
          return send(reply, format, 'service_requests', requestList(rows, { extendedStatuses: query.extendedStatuses, councilName: deps.councilName, photoUrl: deps.photoUrl }));
        });

        scope.post(`/requests.${format}`, { config }, async (request, reply) => {
          const client = await requireClient(request, deps.clients, 'create_request');
          const created = await postRequest(deps, client, bodyParams(request));
          return send(reply, format, 'service_requests', list('request', [created]));
        });

        scope.get(`/servicerequestupdates.${format}`, { config }, async (request, reply) => {
          const { from, to } = updatesWindow(queryParams(request));
          return send(reply, format, 'service_request_updates', updateList(await findUpdates(deps.db, from, to)));
        });

        scope.post(`/servicerequestupdates.${format}`, { config }, async (request, reply) => {
          const client = await requireClient(request, deps.clients, 'update_request');
          const updateId = await applyUpdate(deps, client, postedUpdate(bodyParams(request)));
          return send(reply, format, 'service_request_updates', list('request_update', [{ update_id: updateId }]));
        });
      }

      scope.get('/services/:file', { config }, async (request, reply) => {
        const { name, format } = fileOf(request);
        const category = await deps.categories.get(name);
        if (!category || !category.active) throw notFound(`service_code ${name.slice(0, 40)} was not found`);
        return send(reply, format, 'service_definition', definitionOf(category));
      });

      scope.get('/requests/:file', { config }, async (request, reply) => {
        const { name, format } = fileOf(request);
        const rows = await requestsWithId(deps.db, name);
        if (rows.length === 0) throw notFound(`service_request_id ${name.slice(0, 40)} was not found`);
        return send(reply, format, 'service_requests', requestList(rows, { extendedStatuses: text(queryParams(request), 'extended_statuses') === 'true', councilName: deps.councilName, photoUrl: deps.photoUrl }));
      });

      // Every request is answered at once with its service_request_id, so no token is ever handed
      // out; a client that asks anyway gets the request whose id it names.
      scope.get('/tokens/:file', { config }, async (request, reply) => {
        const { name, format } = fileOf(request);
        const [row] = await requestsWithId(deps.db, name);
        if (!row) throw notFound(`token ${name.slice(0, 40)} was not found`);
        return send(reply, format, 'service_requests', list('request', [{ service_request_id: row.reference, token: name }]));
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}

function send(reply: FastifyReply, format: Format, root: string, body: Open311List | Open311Object, status = 200): FastifyReply {
  return reply.code(status).type(contentTypes[format]).send(serialise(format, root, body));
}

function fileOf(request: FastifyRequest): { name: string; format: Format } {
  const params = request.params;
  const file = typeof params === 'object' && params !== null && 'file' in params && typeof params.file === 'string' ? params.file : '';
  const split = splitFormat(file);
  if (!split) throw notFound(`${file.slice(0, 40)} is not here: add .xml or .json to the address`);
  return split;
}

/** The format an error is written in: the one the address asked for, else XML, which every client reads. */
function formatOf(request: FastifyRequest): Format {
  return request.url.split('?')[0]?.endsWith('.json') ? 'json' : 'xml';
}

function installErrors(scope: FastifyInstance): void {
  const answer = (reply: FastifyReply, request: FastifyRequest, status: number, problems: Open311Problem[]) =>
    send(reply, formatOf(request), 'errors', errorBody(problems), status);

  const notHere = (request: FastifyRequest, reply: FastifyReply) =>
    answer(reply, request, 404, [{ code: 404, description: `${request.method} ${request.url.split('?')[0] ?? ''} is not part of this Open311 server: see discovery.xml` }]);
  scope.setNotFoundHandler(notHere);
  // Everything under the prefix is the Open311 server's, so the website's catch-all for content pages never answers here.
  scope.get('/*', { config: { access: 'public', csrf: false } }, notHere);

  scope.setErrorHandler((error: FastifyError | Open311Error, request, reply) => {
    if (error instanceof Open311Error) {
      request.log.info({ status: error.statusCode, problems: error.problems }, 'open311 request refused');
      return answer(reply, request, error.statusCode, error.problems);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: error, status }, 'open311 request refused');
      return answer(reply, request, status, [{ code: status, description: error.message }]);
    }
    request.log.error({ err: error }, 'open311 request failed');
    return answer(reply, request, 500, [{ code: 500, description: `Something went wrong on our side; it has been logged as ${request.id}. Try again later.` }]);
  });
}
