import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Priority, ReportState } from '../contracts.ts';
import { OPEN_STATES } from '../states.ts';
import { statesOf, type QueueFilter } from './queue-filter.ts';
import { backofficeDb, type BackofficeTables } from './tables.ts';

export const QUEUE_PAGE_SIZE = 50;
const DAY_MS = 24 * 3600 * 1000;

/** A line of the queue: what staff need to choose what to do next. */
export interface QueueRow {
  id: string;
  reference: string;
  categoryCode: string;
  categoryName: string;
  state: ReportState;
  priority: Priority;
  wardCode: string | null;
  street: string | null;
  locationDescription: string | null;
  createdAt: Date;
  dueAt: Date | null;
  overdue: boolean;
  hidden: boolean;
  teamCode: string | null;
  teamName: string | null;
  inspectorId: string | null;
  inspectorName: string | null;
}

type Tables = PlatformTables & BackofficeTables;
type Joined = Tables & { r: BackofficeTables['reports']; c: BackofficeTables['report_categories']; a: BackofficeTables['report_assignments']; t: BackofficeTables['report_teams']; u: PlatformTables['users']; s: PlatformTables['gazetteer_streets'] };
type QueueQuery = SelectQueryBuilder<Joined, 'r' | 'c' | 'a' | 't' | 'u' | 's', object>;

const OVERDUE = sql<boolean>`(r.due_at is not null and r.due_at < now() and r.state in ('open', 'investigating', 'action_scheduled', 'in_progress'))`;
const PRIORITY_ORDER = sql`case r.priority when 'emergency' then 0 when 'urgent' then 1 when 'standard' then 2 else 3 end`;

/** The back office's reading of reports: filtered, sorted and counted, hidden ones included. */
export class ReportQueue {
  constructor(private readonly db: Db) {}

  private base(): QueueQuery {
    return backofficeDb(this.db)
      .selectFrom('reports as r')
      .innerJoin('report_categories as c', 'c.code', 'r.category_code')
      .leftJoin('report_assignments as a', 'a.report_id', 'r.id')
      .leftJoin('report_teams as t', 't.code', 'a.team_code')
      .leftJoin('users as u', 'u.id', 'a.inspector_id')
      .leftJoin('gazetteer_streets as s', 's.usrn', 'r.usrn');
  }

  /** Every filter but the state, so the counts per state show what the other filters leave. */
  private filtered(filter: QueueFilter, withState: boolean): QueueQuery {
    let q = this.base();
    const states = withState ? statesOf(filter, OPEN_STATES) : undefined;
    if (states) q = q.where('r.state', 'in', states);
    if (filter.ward) q = q.where('r.ward_code', '=', filter.ward);
    if (filter.category) q = q.where('r.category_code', '=', filter.category);
    if (filter.priority) q = q.where('r.priority', '=', filter.priority);
    if (filter.age) q = q.where('r.created_at', '<', new Date(Date.now() - Number(filter.age) * DAY_MS));
    if (filter.overdue) q = q.where(OVERDUE);
    if (filter.team === 'none') q = q.where('a.team_code', 'is', null);
    else if (filter.team) q = q.where('a.team_code', '=', filter.team);
    if (filter.inspector === 'none') q = q.where('a.inspector_id', 'is', null);
    else if (filter.inspector) q = q.where('a.inspector_id', '=', filter.inspector);
    return q;
  }

  async page(filter: QueueFilter, pageSize = QUEUE_PAGE_SIZE): Promise<{ rows: QueueRow[]; total: number }> {
    const q = this.filtered(filter, true);
    const [rows, count] = await Promise.all([
      this.rows(q, filter.sort).limit(pageSize).offset((filter.page - 1) * pageSize).execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toRow), total: Number(count.n) };
  }

  /** All the filtered reports (an export), a page at a time so a big queue is not held in memory. */
  async *all(filter: QueueFilter, batch = 1000): AsyncGenerator<QueueRow> {
    const q = this.filtered(filter, true);
    for (let offset = 0; ; offset += batch) {
      const rows = await this.rows(q, filter.sort).limit(batch).offset(offset).execute();
      for (const row of rows) yield toRow(row);
      if (rows.length < batch) return;
    }
  }

  /** How many reports each state has under the other filters. */
  async countsByState(filter: QueueFilter): Promise<Map<ReportState, number>> {
    const rows = await this.filtered(filter, false).select(['r.state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('r.state').execute();
    return new Map(rows.map((r) => [r.state, Number(r.n)]));
  }

  private rows(q: QueueQuery, sort: QueueFilter['sort']) {
    const selected = q.select([
      'r.id', 'r.reference', 'r.category_code', 'c.name as category_name', 'r.state', 'r.priority', 'r.ward_code', 's.name as street',
      'r.location_description', 'r.created_at', 'r.due_at', 'r.hidden', 'a.team_code', 't.name as team_name', 'a.inspector_id',
      sql<string | null>`coalesce(u.name, u.email)`.as('inspector_name'), OVERDUE.as('overdue'),
    ]);
    switch (sort) {
      case 'oldest':
        return selected.orderBy('r.created_at', 'asc').orderBy('r.id');
      case 'due':
        return selected.orderBy(sql`r.due_at asc nulls last`).orderBy('r.created_at').orderBy('r.id');
      case 'priority':
        return selected.orderBy(PRIORITY_ORDER).orderBy(sql`r.due_at asc nulls last`).orderBy('r.id');
      case 'street':
        return selected.orderBy(sql`r.ward_code asc nulls last`).orderBy(sql`s.name asc nulls last`).orderBy('r.location_description').orderBy('r.id');
      default:
        return selected.orderBy('r.created_at', 'desc').orderBy('r.id');
    }
  }
}

type Selected = Awaited<ReturnType<ReturnType<ReportQueue['rows']>['execute']>>[number];

function toRow(r: Selected): QueueRow {
  return {
    id: r.id,
    reference: r.reference,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    state: r.state,
    priority: r.priority,
    wardCode: r.ward_code,
    street: r.street,
    locationDescription: r.location_description,
    createdAt: r.created_at,
    dueAt: r.due_at,
    overdue: r.overdue,
    hidden: r.hidden,
    teamCode: r.team_code,
    teamName: r.team_name,
    inspectorId: r.inspector_id,
    inspectorName: r.inspector_name,
  };
}
