import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FileKeeper } from '../../platform/files/index.ts';

/**
 * The uploads reports still hold: each report's photos, hidden reports' too, the originals and
 * public versions moderation keeps, and file answers to a category's questions.
 */
export function reportsFileKeeper(db: Db): FileKeeper {
  return async (ids) => {
    const result = await sql<{ id: string }>`
      select id from (
        select unnest(photo_file_ids)::text as id from reports where photo_file_ids && ${ids}::uuid[]
        union select unnest(original_photo_file_ids)::text from report_moderations where original_photo_file_ids && ${ids}::uuid[]
        union select unnest(public_photo_file_ids)::text from report_moderations where public_photo_file_ids && ${ids}::uuid[]
        union select v #>> '{}' from reports r, jsonb_path_query(r.answers, 'strict $.**.fileId') v
      ) held
      where id = any(${ids}::text[])`.execute(db);
    return new Set(result.rows.map((r) => r.id));
  };
}
