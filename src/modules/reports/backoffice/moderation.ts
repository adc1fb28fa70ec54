import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Kysely } from 'kysely';
import { backofficeDb, type ModerationAction } from './tables.ts';

/** What the public sees where a moderator took words out. */
export const REDACTION_MARK = '[removed by a moderator]';

export interface ModerationRecord {
  id: string;
  action: ModerationAction;
  reason: string;
  originalDescription: string;
  originalPhotoFileIds: string[];
  publicDescription: string;
  moderatorName: string | null;
  createdAt: Date;
}

export type ModerationRequest =
  | { action: 'redacted'; publicDescription: string; keepPhotoFileIds: string[]; reason: string }
  | { action: 'hidden' | 'shown'; reason: string };

/**
 * Hiding or redacting what a resident wrote. The report row holds only what the public may see, so
 * every public page and API shows the moderated version without knowing about moderation; the
 * original stays in the history for staff.
 */
export class Moderation {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  async history(reportId: string): Promise<ModerationRecord[]> {
    const rows = await backofficeDb(this.db)
      .selectFrom('report_moderations as m')
      .leftJoin('users as u', 'u.id', 'm.moderator_id')
      .where('m.report_id', '=', reportId)
      .select(['m.id', 'm.action', 'm.reason', 'm.original_description', 'm.original_photo_file_ids', 'm.public_description', 'm.created_at', 'u.name', 'u.email'])
      .orderBy('m.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      reason: r.reason,
      originalDescription: r.original_description,
      originalPhotoFileIds: r.original_photo_file_ids,
      publicDescription: r.public_description,
      moderatorName: r.name ?? r.email,
      createdAt: r.created_at,
    }));
  }

  async moderate(reportId: string, request: ModerationRequest, staffId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const db = backofficeDb(trx);
      const report = await db.selectFrom('reports').select(['reference', 'description', 'photo_file_ids', 'hidden']).where('id', '=', reportId).forUpdate().executeTakeFirstOrThrow();
      const original = await originalOf(trx, reportId);
      const originalDescription = original?.description ?? report.description;
      const originalPhotos = original?.photos ?? report.photo_file_ids;
      let publicDescription = report.description;
      let publicPhotos = report.photo_file_ids;
      if (request.action === 'redacted') {
        publicDescription = request.publicDescription;
        // Only photos the resident sent can be kept: a moderator cannot add one.
        publicPhotos = originalPhotos.filter((id) => request.keepPhotoFileIds.includes(id));
        await db.updateTable('reports').set({ description: publicDescription, photo_file_ids: publicPhotos, updated_at: new Date() }).where('id', '=', reportId).execute();
      } else {
        await db.updateTable('reports').set({ hidden: request.action === 'hidden', updated_at: new Date() }).where('id', '=', reportId).execute();
      }
      await db
        .insertInto('report_moderations')
        .values({
          report_id: reportId,
          action: request.action,
          reason: request.reason,
          original_description: originalDescription,
          original_photo_file_ids: originalPhotos,
          public_description: publicDescription,
          public_photo_file_ids: publicPhotos,
          moderator_id: staffId,
        })
        .execute();
      await this.audit.record(
        { actorId: staffId, action: `reports.${request.action === 'redacted' ? 'redacted' : request.action === 'hidden' ? 'hidden' : 'unhidden'}`, subjectType: 'report', subjectId: reportId, details: { reference: report.reference, reason: request.reason } },
        trx,
      );
    });
  }
}

/** What the resident first sent, from the first moderation (later ones only see moderated text). */
async function originalOf(trx: Executor, reportId: string): Promise<{ description: string; photos: string[] } | undefined> {
  const row = await backofficeDb(trx).selectFrom('report_moderations').select(['original_description', 'original_photo_file_ids']).where('report_id', '=', reportId).orderBy('created_at').limit(1).executeTakeFirst();
  return row ? { description: row.original_description, photos: row.original_photo_file_ids } : undefined;
}

/** For public pages: whether a moderator changed the report, so they can say so. */
export async function wasRedacted(db: Kysely<PlatformTables>, reportId: string): Promise<boolean> {
  const row = await backofficeDb(db).selectFrom('report_moderations').select('id').where('report_id', '=', reportId).where('action', '=', 'redacted').limit(1).executeTakeFirst();
  return row !== undefined;
}
