import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over `app.inject`: keeps cookies, and fills in the CSRF token
 * from the last page it fetched, as a person submitting the form on that page would.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { ...headers, cookie: this.cookieHeader() } });
    this.keepCookies(res);
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body;
    return res;
  }

  /** Posts a form; `_csrf` comes from the last page unless given. */
  async post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const token = this.csrfToken();
    if (opts.csrf !== false && token && !('_csrf' in form)) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
    });
    this.keepCookies(res);
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body;
    return res;
  }

  /** Follows redirects from a response until a page is reached. */
  async follow(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    let current = res;
    for (let i = 0; i < 10 && current.statusCode >= 300 && current.statusCode < 400; i++) {
      const location = String(current.headers.location);
      current = await this.get(location);
    }
    return current;
  }

  csrfToken(): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

/** The text of the GOV.UK error summary's items, in order. */
export function errorSummary(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((m) => (m[1] ?? '').trim());
}
