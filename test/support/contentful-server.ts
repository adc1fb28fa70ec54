import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'contentful');

export interface ContentfulRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/** A recorded Contentful answer, by file name under test/fixtures/contentful. */
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));
}

/**
 * Contentful's Content Delivery API for one space and environment, on a local port, answering with recorded
 * responses in Contentful's format: the locales, an initial sync in two pages, and deltas a test publishes.
 * A sync token with nothing published after it gets an empty page that hands the same token back, as Contentful does.
 */
export class ContentfulServer {
  readonly requests: ContentfulRequest[] = [];
  /** Delta pages by the sync token that asks for them. */
  private readonly deltas = new Map<string, string>();

  private constructor(
    private readonly server: http.Server,
    readonly spaceId: string,
    readonly environment: string,
    private readonly accessToken: string,
  ) {}

  static async start(options: { spaceId?: string; environment?: string; accessToken: string }): Promise<ContentfulServer> {
    const server = http.createServer();
    const contentful = new ContentfulServer(server, options.spaceId ?? 'wlm7c0uncil2', options.environment ?? 'master', options.accessToken);
    server.on('request', (req, res) => contentful.answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return contentful;
  }

  /** host:port, for CONTENTFUL_HOST (with CONTENTFUL_INSECURE, as the SDK speaks http to it). */
  get host(): string {
    const address = this.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('The Contentful test server is not listening');
    return `127.0.0.1:${address.port}`;
  }

  /** The environment settings that point Lastmile at this server. */
  env(accessToken = this.accessToken): Record<string, string> {
    return {
      SITE_CONTENT_SOURCE: 'contentful',
      CONTENTFUL_SPACE_ID: this.spaceId,
      CONTENTFUL_ENVIRONMENT: this.environment,
      CONTENTFUL_DELIVERY_TOKEN: accessToken,
      CONTENTFUL_HOST: this.host,
      CONTENTFUL_INSECURE: 'true',
    };
  }

  /** Editors publish: the next sync from `afterToken` gets the delta page in `file`. */
  publish(afterToken: string, file: string): void {
    this.deltas.set(afterToken, file);
  }

  syncRequests(): ContentfulRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/sync'));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/vnd.contentful.delivery.v1+json', 'x-contentful-request-id': `req-${this.requests.length}` });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) {
      send(401, { sys: { type: 'Error', id: 'AccessTokenInvalid' }, message: 'The access token you sent could not be found or is invalid.', requestId: `req-${this.requests.length}` });
      return;
    }
    const base = `/spaces/${this.spaceId}/environments/${this.environment}`;
    if (req.method === 'GET' && url.pathname === `${base}/locales`) return send(200, fixture('locales.json'));
    if (req.method === 'GET' && url.pathname === `${base}/sync`) {
      const token = url.searchParams.get('sync_token');
      if (url.searchParams.get('initial') === 'true' && token === null) return send(200, fixture('sync-initial-1.json'));
      if (token === 'wonSeVrjPAGE2') return send(200, fixture('sync-initial-2.json'));
      const delta = token === null ? undefined : this.deltas.get(token);
      if (delta) return send(200, fixture(delta));
      if (token?.startsWith('w5ZGw6JFwqZmVcKsE8Kow4grw45QdybCwp1eSYb')) {
        return send(200, { sys: { type: 'Array' }, items: [], nextSyncUrl: `https://cdn.contentful.com${base}/sync?sync_token=${token}` });
      }
      return send(400, { sys: { type: 'Error', id: 'BadRequest' }, message: 'The sync token is not valid.', requestId: `req-${this.requests.length}` });
    }
    send(404, { sys: { type: 'Error', id: 'NotFound' }, message: 'The resource could not be found.', details: { sys: { type: 'Space', id: this.spaceId } }, requestId: `req-${this.requests.length}` });
  }
}
