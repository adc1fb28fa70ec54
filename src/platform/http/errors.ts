import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Raised by routes for expected failures; mapped to a plain GOV.UK page with its status. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly paragraphs: string[] = [],
  ) {
    super(title);
  }
}

interface ProblemPage {
  status: number;
  title: string;
  paragraphs: string[];
}

function describe(error: FastifyError): ProblemPage | undefined {
  if (error instanceof HttpProblem) return { status: error.statusCode, title: error.title, paragraphs: error.paragraphs };
  switch (error.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return {
        status: 403,
        title: 'Your form could not be sent',
        paragraphs: [
          'This can happen if the page was open for a long time, or if the form was sent from somewhere other than this website.',
          'Nothing you entered has been saved. Go back, reload the page and try again.',
        ],
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, title: 'What you sent is too large', paragraphs: ['Go back and send less information, or smaller files.'] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, title: 'What you sent could not be read', paragraphs: ['Send the form from this website.'] };
  }
  if (error.statusCode === 429) {
    return {
      status: 429,
      title: 'Too many attempts',
      paragraphs: ['You have tried this too many times in a short time. Wait 15 minutes, then try again.'],
    };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {
      status: error.statusCode,
      title: error.statusCode === 403 ? 'You do not have permission to see this page' : 'What you sent could not be read',
      paragraphs: error.statusCode === 403 ? [] : ['Go back and check what you entered.'],
    };
  }
  return undefined;
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

export function installErrorPages(app: FastifyInstance, production: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: 'Not found' });
    return reply.code(404).render('errors/not-found.njk');
  });

  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    const problem = describe(error);
    if (problem) {
      request.log.info({ err: error, status: problem.status }, 'request refused');
      if (wantsJson(request)) return reply.code(problem.status).send({ error: problem.title });
      return reply.code(problem.status).render('errors/request.njk', {
        title: problem.title,
        paragraphs: problem.paragraphs,
        backHref: request.headers.referer?.startsWith('/') ? request.headers.referer : undefined,
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    if (wantsJson(request)) return reply.code(500).send({ error: 'Internal server error', requestId: request.id });
    return reply.code(500).render('errors/problem.njk', {
      requestId: request.id,
      stack: production ? undefined : error.stack,
    });
  });
}
