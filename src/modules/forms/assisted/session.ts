import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AssistedContext } from '../contracts.ts';
import { isRecord } from '../fields/json.ts';

/** The resident a member of staff has chosen, before they choose the form. */
export interface ChosenResident {
  residentUserId?: string;
  contact: AssistedContext['contact'];
}

declare module 'fastify' {
  interface Session {
    assistedFor?: ChosenResident;
    /** Who the last assisted form was for, shown once on its confirmation page. */
    assistedFinished?: string;
  }
}

export const ASSISTED_PERMISSION = 'assisted.act';

/** How pages name the resident: their name, else their email address or phone number. */
export function residentLabel(contact: AssistedContext['contact']): string {
  return contact.name ?? contact.email ?? contact.phone ?? 'the resident';
}

export function chosenResident(request: FastifyRequest): ChosenResident | undefined {
  const chosen = request.session.assistedFor;
  return isRecord(chosen) && isRecord(chosen.contact) ? chosen : undefined;
}

/**
 * Begins filling forms in for the resident. Journeys in progress in this session are dropped,
 * so answers given for one person can never carry over into another person's form.
 */
export function beginAssisted(request: FastifyRequest, staffId: string, resident: ChosenResident): void {
  request.session.assisted = { staffId, ...(resident.residentUserId && { residentUserId: resident.residentUserId }), contact: resident.contact };
  request.session.assistedFor = undefined;
  request.session.forms = undefined;
  request.session.formsSent = undefined;
}

/** Stops acting for the resident, dropping anything begun for them. Returns who it was for. */
export function endAssisted(request: FastifyRequest): string | undefined {
  const assisted = request.session.assisted;
  request.session.assisted = undefined;
  request.session.assistedFor = undefined;
  request.session.forms = undefined;
  return assisted ? residentLabel(assisted.contact) : undefined;
}

/**
 * Runs on every forms page. The assisted context holds only for the member of staff who began it,
 * while they still have the permission. Once a form is sent (its confirmation page) the context
 * ends, and the page offers to start another for someone else; while it holds, every page says
 * who the form is for.
 */
export async function assistedBanner(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const assisted = request.session.assisted;
  if (assisted && (!request.user || request.user.id !== assisted.staffId || !request.user.permissions.has(ASSISTED_PERMISSION))) {
    endAssisted(request);
    return;
  }
  if (assisted && request.method === 'GET' && request.routeOptions.url === '/forms/:formId/confirmation' && justSent(request)) {
    request.session.assistedFinished = endAssisted(request);
  }
  const finished = request.session.assistedFinished;
  if (finished && request.routeOptions.url === '/forms/:formId/confirmation') {
    request.session.assistedFinished = undefined;
    reply.viewLocals.pageBanner = {
      titleText: 'Assisted digital',
      html: `You filled this in for ${escapeHtml(finished)}. <a class="govuk-notification-banner__link" href="/staff/assisted">Start another for someone else</a>`,
    };
    return;
  }
  if (request.session.assisted) {
    reply.viewLocals.pageBanner = {
      titleText: 'Assisted digital',
      html: `You are filling this in for <strong>${escapeHtml(residentLabel(request.session.assisted.contact))}</strong>. <a class="govuk-notification-banner__link" href="/staff/assisted/end?return=${encodeURIComponent(request.url)}">Stop filling in forms for them</a>`,
    };
  }
}

/** A form was sent in this session since the assisted context began (which cleared the list). */
function justSent(request: FastifyRequest): boolean {
  const params = request.params;
  const formId = isRecord(params) && typeof params.formId === 'string' ? params.formId : undefined;
  return formId !== undefined && request.session.formsSent?.[formId] !== undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
