import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import type { ReportForContractor, ReportsPort } from '../../integrations/index.ts';
import type { ReportsCore } from '../core.ts';
import type { Report } from '../records.ts';
import { isUuid } from '../records.ts';

export const PHOTO_LINK_PREFIX = '/reports/photo-links';

/**
 * Addresses a contractor's system (or an Open311 client) can fetch a report's photo from without
 * signing in. A photo is a private file: its address carries an HMAC of the report's and the file's
 * ids under a key made from the server secret, so it cannot be guessed or pointed at another file.
 * It is revocable rather than expiring (a contractor may fetch it days later): once the report is
 * hidden or the photo redacted, the address answers 404; a new server secret withdraws them all.
 */
export class PhotoLinks {
  private readonly key: Buffer;

  constructor(
    serverSecret: string,
    private readonly baseUrl: string,
  ) {
    this.key = createHmac('sha256', serverSecret).update('lastmile.reports.photo-links').digest();
  }

  signature(reportId: string, fileId: string): string {
    return createHmac('sha256', this.key).update(`${reportId}/${fileId}`).digest('base64url');
  }

  matches(reportId: string, fileId: string, signature: string): boolean {
    if (signature.length !== 43) return false;
    return timingSafeEqual(Buffer.from(this.signature(reportId, fileId)), Buffer.from(signature));
  }

  url(reportId: string, fileId: string): string {
    return `${this.baseUrl}${PHOTO_LINK_PREFIX}/${reportId}/${fileId}/${this.signature(reportId, fileId)}`;
  }

  /** The public addresses of a report's photos: none while the report is hidden. */
  urlsFor(report: Pick<Report, 'id' | 'hidden' | 'photoFileIds'>): string[] {
    return report.hidden ? [] : report.photoFileIds.map((fileId) => this.url(report.id, fileId));
  }
}

/** The report as the integrations module sends it to a contractor: with its photos' public addresses. */
export function forContractor(report: Report | null, links: PhotoLinks): ReportForContractor | null {
  return report && { ...report, photoUrls: links.urlsFor(report) };
}

/** What the integrations module is handed in the reports module's setUp: `connectReports(services, contractorPort(core, links))`. */
export function contractorPort(core: ReportsCore, links: PhotoLinks): ReportsPort {
  return {
    find: async (id, executor) => forContractor(await core.records.find(id, executor), links),
    apply: (change) => core.updates.apply(change),
  };
}

type PhotoLinkParams = { Params: { reportId: string; fileId: string; signature: string } };

/** GET /reports/photo-links/:reportId/:fileId/:signature: the stored (resized, metadata-free) photo, or 404. */
export async function photoLinkRoutes(app: FastifyInstance, services: Services, core: ReportsCore, links: PhotoLinks): Promise<void> {
  app.get<PhotoLinkParams>(`${PHOTO_LINK_PREFIX}/:reportId/:fileId/:signature`, { config: { access: 'public' } }, async (request, reply) => {
    const { reportId, fileId, signature } = request.params;
    if (!isUuid(reportId) || !isUuid(fileId) || !links.matches(reportId, fileId, signature)) return reply.callNotFound();
    const report = await core.records.find(reportId);
    // A hidden report, or a photo a moderator took off it, is no longer public, whatever link was sent.
    if (!report || report.hidden || !report.photoFileIds.includes(fileId)) return reply.callNotFound();
    const found = await services.files.read(fileId);
    if (!found) return reply.callNotFound();
    return reply.type(found.file.type).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(found.bytes);
  });
}
