import fp from 'fastify-plugin';
import type nunjucks from 'nunjucks';
import type { FastifyReply } from 'fastify';

export interface NavItem {
  href: string;
  text: string;
}

export interface ErrorItem {
  href: string;
  text: string;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Values every template on this request sees (user, CSRF token, CSP nonce, navigation). */
    readonly viewLocals: Record<string, unknown>;
    render(template: string, data?: Record<string, unknown>): FastifyReply;
  }
}

/** Renders Nunjucks templates with the request's locals; pages are HTML with no caching by default. */
export const renderPlugin = fp<{ env: nunjucks.Environment }>(async (app, { env }) => {
  const locals = new WeakMap<FastifyReply, Record<string, unknown>>();
  app.decorateReply('viewLocals', {
    getter(this: FastifyReply) {
      let mine = locals.get(this);
      if (!mine) {
        mine = {};
        locals.set(this, mine);
      }
      return mine;
    },
  });
  app.decorateReply('render', function render(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    const html = env.render(template, { ...this.viewLocals, ...data });
    if (!this.hasHeader('cache-control')) this.header('cache-control', 'no-store');
    return this.type('text/html; charset=utf-8').send(html);
  });
});
