import type { FastifyRequest } from 'fastify';
import type { Answers } from '../contracts.ts';
import { isRecord, isStringArray } from '../fields/json.ts';

/** A journey in progress, kept in the server-side session: the version it started on and its progress. */
export interface JourneyState {
  version: number;
  answers: Answers;
  answered: string[];
  /** The saved draft this journey came from or was saved to, deleted when it is submitted. */
  draftId?: string;
}

/** What the confirmation page shows after a submission. */
export interface SentForm {
  reference: string;
  email?: string;
}

declare module 'fastify' {
  interface Session {
    forms?: Record<string, JourneyState>;
    formsSent?: Record<string, SentForm>;
  }
}

export function journeyOf(request: FastifyRequest, formId: string): JourneyState | undefined {
  const state = request.session.forms?.[formId];
  // Sessions are ours, but may predate a change to this shape: anything else starts afresh.
  if (!isRecord(state) || typeof state.version !== 'number' || !isRecord(state.answers) || !isStringArray(state.answered)) return undefined;
  return state;
}

export function keepJourney(request: FastifyRequest, formId: string, state: JourneyState): void {
  request.session.forms = { ...request.session.forms, [formId]: state };
}

export function endJourney(request: FastifyRequest, formId: string, sent?: SentForm): void {
  const others = { ...request.session.forms };
  delete others[formId];
  request.session.forms = others;
  if (sent) request.session.formsSent = { ...request.session.formsSent, [formId]: sent };
}
