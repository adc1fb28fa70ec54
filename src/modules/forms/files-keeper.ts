import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FileKeeper } from '../../platform/files/index.ts';

/**
 * The uploads forms still hold: file answers (`fileId`, at any depth, so add-another answers too)
 * in drafts not yet expired and in submissions. One statement, so a draft sent as a submission
 * between two reads cannot fall out of both.
 */
export function formsFileKeeper(db: Db): FileKeeper {
  return async (ids) => {
    const result = await sql<{ id: string }>`
      select v #>> '{}' as id from form_drafts d, jsonb_path_query(d.answers, 'strict $.**.fileId') v
      where d.expires_at > now() and v #>> '{}' = any(${ids}::text[])
      union
      select v #>> '{}' from form_submissions s, jsonb_path_query(s.answers, 'strict $.**.fileId') v
      where v #>> '{}' = any(${ids}::text[])`.execute(db);
    return new Set(result.rows.map((r) => r.id));
  };
}
