import type { FastifyRequest } from 'fastify';
import { isRecord } from '../fields/json.ts';
import type { PostedForm } from '../fields/types.ts';

export type PageParams = { Params: { formId: string; pageId: string }; Querystring: { change?: string } };

export function bodyOf(request: FastifyRequest): PostedForm {
  return isRecord(request.body) ? request.body : {};
}

export function changing(request: FastifyRequest<{ Querystring: { change?: string } }>): boolean {
  return request.query.change === '1';
}

/** Staff filling a form in for a resident do not save it for later: the resident is on the phone or at the desk. */
export function canSave(request: FastifyRequest): boolean {
  return !request.session.assisted;
}

