import type { Selectable } from 'kysely';
import type { Db, Executor } from '../../platform/db/database.ts';
import type { Channel, Priority, ReportState } from './contracts.ts';
import { normaliseReportReference } from './reference.ts';
import { reportsDb, type ReportsDb, type ReportsTable, type UpdateAuthor } from './tables.ts';

/** A report as the rest of the code sees it. */
export interface Report {
  id: string;
  reference: string;
  categoryCode: string;
  state: ReportState;
  priority: Priority;
  lon: number;
  lat: number;
  wardCode: string | null;
  usrn: string | null;
  assetId: string | null;
  description: string;
  locationDescription: string | null;
  answers: Record<string, unknown>;
  photoFileIds: string[];
  reporter: { userId: string | null; name: string | null; email: string | null; phone: string | null; showName: boolean };
  channel: Channel;
  staffId: string | null;
  open311ClientId: string | null;
  duplicateOf: string | null;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  fixedAt: Date | null;
  closedAt: Date | null;
  reopenedCount: number;
  hidden: boolean;
  externalReference: string | null;
}

export interface ReportUpdate {
  id: string;
  visibility: 'public' | 'internal';
  fromState: ReportState | null;
  toState: ReportState | null;
  text: string | null;
  author: { kind: UpdateAuthor; id: string | null };
  externalUpdateId: string | null;
  createdAt: Date;
}

export interface ReportFilter {
  states?: readonly ReportState[];
  categoryCodes?: readonly string[];
  wardCode?: string;
  /** Made on or after / before. */
  since?: Date;
  until?: Date;
  includeHidden?: boolean;
  limit?: number;
}

/** Reading reports: one, by reference, a person's own, or a filtered list (Open311, back office). */
export class ReportRecords {
  private readonly db: ReportsDb;

  constructor(private readonly platformDb: Db) {
    this.db = reportsDb(platformDb);
  }

  /** `executor` lets code inside a transaction (a contractor dispatch in submit) see an uncommitted report. */
  async find(id: string, executor: Executor = this.platformDb): Promise<Report | null> {
    if (!isUuid(id)) return null;
    const row = await reportsDb(executor).selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReport(row) : null;
  }

  async findByReference(reference: string): Promise<Report | null> {
    const normal = normaliseReportReference(reference);
    if (!normal) return null;
    const row = await this.db.selectFrom('reports').selectAll().where('reference', '=', normal).executeTakeFirst();
    return row ? toReport(row) : null;
  }

  /** The report, locked until the transaction ends, so two changes to it happen one after the other. */
  async lock(trx: Executor, id: string): Promise<Report | null> {
    if (!isUuid(id)) return null;
    const row = await reportsDb(trx).selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? toReport(row) : null;
  }

  async list(filter: ReportFilter = {}): Promise<Report[]> {
    let query = this.db.selectFrom('reports').selectAll();
    if (filter.states?.length) query = query.where('state', 'in', filter.states);
    if (filter.categoryCodes?.length) query = query.where('category_code', 'in', filter.categoryCodes);
    if (filter.wardCode) query = query.where('ward_code', '=', filter.wardCode);
    if (filter.since) query = query.where('created_at', '>=', filter.since);
    if (filter.until) query = query.where('created_at', '<', filter.until);
    if (!filter.includeHidden) query = query.where('hidden', '=', false);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(Math.min(filter.limit ?? 100, 1000)).execute();
    return rows.map(toReport);
  }

  /** A signed-in person's own reports, newest first. */
  async ofUser(userId: string, limit = 50): Promise<Report[]> {
    const rows = await this.db.selectFrom('reports').selectAll().where('reporter_user_id', '=', userId).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toReport);
  }

  /**
   * Updates in the order they were recorded, which is the order the states changed in; `createdAt`
   * is when each happened (a contractor may tell us an hour later). `publicOnly` for anything a
   * resident or another system sees.
   */
  async updates(reportId: string, publicOnly = true): Promise<ReportUpdate[]> {
    let query = this.db.selectFrom('report_updates').selectAll().where('report_id', '=', reportId);
    if (publicOnly) query = query.where('visibility', '=', 'public');
    const rows = await query.orderBy('recorded_at').orderBy('created_at').execute();
    return rows.map((r) => ({
      id: r.id,
      visibility: r.visibility,
      fromState: r.from_state,
      toState: r.to_state,
      text: r.text,
      author: { kind: r.author_kind, id: r.author_id },
      externalUpdateId: r.external_update_id,
      createdAt: r.created_at,
    }));
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function toReport(row: Selectable<ReportsTable>): Report {
  return {
    id: row.id,
    reference: row.reference,
    categoryCode: row.category_code,
    state: row.state,
    priority: row.priority,
    lon: row.lon,
    lat: row.lat,
    wardCode: row.ward_code,
    usrn: row.usrn === null ? null : String(row.usrn),
    assetId: row.asset_id,
    description: row.description,
    locationDescription: row.location_description,
    answers: row.answers,
    photoFileIds: row.photo_file_ids,
    reporter: { userId: row.reporter_user_id, name: row.reporter_name, email: row.reporter_email, phone: row.reporter_phone, showName: row.show_name },
    channel: row.channel,
    staffId: row.staff_id,
    open311ClientId: row.open311_client_id,
    duplicateOf: row.duplicate_of,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dueAt: row.due_at,
    fixedAt: row.fixed_at,
    closedAt: row.closed_at,
    reopenedCount: row.reopened_count,
    hidden: row.hidden,
    externalReference: row.external_reference,
  };
}
