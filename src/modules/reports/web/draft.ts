import type { FastifyReply, FastifyRequest } from 'fastify';

/** A photo kept for a report not sent yet: already resized and stripped of its metadata. */
export interface DraftPhoto {
  fileId: string;
  name: string;
  size: number;
}

/** Where the problem is, once the core has said it is the council's. */
export interface DraftPlace {
  lon: number;
  lat: number;
  assetId?: string;
  /** The resident's words for the exact spot. */
  locationDescription?: string;
  /** "Acre Lane, Brinnington": how the check answers page names the place. */
  label: string;
}

/** The "Report it" journey so far, kept in the session until the report is sent. */
export interface ReportDraft {
  categoryCode: string;
  place?: DraftPlace;
  answers?: Record<string, unknown>;
  description?: string;
  photos: DraftPhoto[];
  about?: { name: string; email: string; phone: string; showName: boolean };
}

declare module 'fastify' {
  interface Session {
    reportIt?: ReportDraft;
    /** References of reports made in this session: their reporter may add to them without signing in. */
    reportsMade?: string[];
  }
}

export const JOURNEY_START = '/report';

/** The draft, or a redirect to the start when there is none (an old link, a session that expired). */
export function draftOf(request: FastifyRequest): ReportDraft | undefined {
  return request.session.reportIt;
}

export function keepDraft(request: FastifyRequest, draft: ReportDraft): void {
  request.session.reportIt = draft;
}

export function toStart(reply: FastifyReply): FastifyReply {
  return reply.redirect(JOURNEY_START, 303);
}
