import { sql } from 'kysely';
import type { AuditLog } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { backofficeDb } from './tables.ts';

export interface Team {
  code: string;
  name: string;
}

export interface Inspector {
  id: string;
  name: string;
}

export interface Assignment {
  teamCode: string | null;
  teamName: string | null;
  inspectorId: string | null;
  inspectorName: string | null;
  assignedAt: Date;
}

export type AssignOutcome = { ok: true } | { ok: false; field: 'team' | 'inspector'; message: string };

/** Who is dealing with each report: a team, an inspector, or both. */
export class Assignments {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  async teams(): Promise<Team[]> {
    return backofficeDb(this.db).selectFrom('report_teams').select(['code', 'name']).orderBy('name').execute();
  }

  /** Staff holding the inspector role. */
  async inspectors(): Promise<Inspector[]> {
    const rows = await backofficeDb(this.db)
      .selectFrom('users as u')
      .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
      .where('ur.role', '=', 'inspector')
      .select(['u.id', sql<string>`coalesce(u.name, u.email)`.as('name')])
      .orderBy('name')
      .execute();
    return rows;
  }

  async of(reportId: string): Promise<Assignment | null> {
    const row = await backofficeDb(this.db)
      .selectFrom('report_assignments as a')
      .leftJoin('report_teams as t', 't.code', 'a.team_code')
      .leftJoin('users as u', 'u.id', 'a.inspector_id')
      .where('a.report_id', '=', reportId)
      .select(['a.team_code', 't.name as team_name', 'a.inspector_id', sql<string | null>`coalesce(u.name, u.email)`.as('inspector_name'), 'a.assigned_at'])
      .executeTakeFirst();
    return row ? { teamCode: row.team_code, teamName: row.team_name, inspectorId: row.inspector_id, inspectorName: row.inspector_name, assignedAt: row.assigned_at } : null;
  }

  /** Checks the team and inspector exist; empty means "nobody". */
  async check(teamCode: string, inspectorId: string): Promise<AssignOutcome> {
    if (teamCode && !(await this.teams()).some((t) => t.code === teamCode)) return { ok: false, field: 'team', message: 'Select a team from the list' };
    if (inspectorId && !(await this.inspectors()).some((i) => i.id === inspectorId)) return { ok: false, field: 'inspector', message: 'Select an inspector from the list' };
    return { ok: true };
  }

  /** Assigns one report, audited in the same transaction. Callers check the team and inspector first. */
  async assign(reportId: string, teamCode: string | null, inspectorId: string | null, staffId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const db = backofficeDb(trx);
      const before = await db.selectFrom('report_assignments').select(['team_code', 'inspector_id']).where('report_id', '=', reportId).forUpdate().executeTakeFirst();
      const report = await db.selectFrom('reports').select('reference').where('id', '=', reportId).executeTakeFirstOrThrow();
      const now = new Date();
      await db
        .insertInto('report_assignments')
        .values({ report_id: reportId, team_code: teamCode, inspector_id: inspectorId, assigned_by: staffId, assigned_at: now })
        .onConflict((oc) => oc.column('report_id').doUpdateSet({ team_code: teamCode, inspector_id: inspectorId, assigned_by: staffId, assigned_at: now }))
        .execute();
      await this.audit.record(
        {
          actorId: staffId,
          action: 'reports.assigned',
          subjectType: 'report',
          subjectId: reportId,
          details: { reference: report.reference, from: { team: before?.team_code ?? null, inspector: before?.inspector_id ?? null }, to: { team: teamCode, inspector: inspectorId } },
        },
        trx,
      );
    });
  }
}
