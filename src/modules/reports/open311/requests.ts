import { sql, type RawBuilder } from 'kysely';
import type { ReportState } from '../contracts.ts';
import { normaliseReportReference } from '../reference.ts';
import { OPEN_STATES } from '../states.ts';
import type { ReportsDb } from '../tables.ts';
import { list, w3cDate, type Open311List, type Open311Object } from './format.ts';
import { stateNames } from './statuses.ts';

/** The spec's most for one answer: "first 1000 requests returned". */
export const MAX_REQUESTS = 1000;

export interface RequestQuery {
  /** References; when given, the other filters do not apply (the spec says this one overrides them). */
  references?: string[];
  categoryCodes?: string[];
  states?: ReportState[];
  from: Date;
  to: Date;
}

interface RequestRow {
  id: string;
  reference: string;
  state: ReportState;
  category_code: string;
  service_name: string;
  description: string;
  requested: string;
  updated: string;
  /** While the report is open. */
  expected: string | null;
  lat: number;
  lon: number;
  street: string | null;
  town: string | null;
  media_url: string | null;
  /** The first photo still on the report (moderation removes redacted ones). */
  photo_file_id: string | null;
  status_notes: string | null;
}

/**
 * Public reports for GET requests, newest first. Public means: not hidden, and nothing about the
 * reporter (no name, email or phone: GeoReport v2 has no place for them, and an Open311 feed is open data).
 */
export async function findRequests(db: ReportsDb, query: RequestQuery): Promise<RequestRow[]> {
  const where = query.references ? sql`r.reference = any(${query.references}::text[])` : sql.join([sql`r.created_at >= ${query.from}`, sql`r.created_at <= ${query.to}`, ...filters(query)], sql` and `);
  const result = await sql<RequestRow>`
    select r.id, r.reference, r.state, r.category_code, c.name as service_name, r.description,
      ${w3cDate(sql`r.created_at`)} as requested, ${w3cDate(sql`r.updated_at`)} as updated,
      case when ${stateCondition(OPEN_STATES)} then ${w3cDate(sql`r.due_at`)} end as expected,
      r.lat, r.lon, s.name as street, s.town, r.answers ->> 'media_url' as media_url,
      r.photo_file_ids[1] as photo_file_id,
      (select u.text from report_updates u
        where u.report_id = r.id and u.visibility = 'public' and u.text is not null
        order by u.created_at desc limit 1) as status_notes
    from reports r
    join report_categories c on c.code = r.category_code
    left join gazetteer_streets s on s.usrn = r.usrn
    where not r.hidden and ${where}
    order by r.created_at desc, r.id
    limit ${MAX_REQUESTS}`.execute(db);
  return result.rows;
}

/** The request whose reference this is ("k7qd m2x9" as typed is fine), as a list of one or none. */
export async function requestsWithId(db: ReportsDb, id: string): Promise<RequestRow[]> {
  const reference = normaliseReportReference(id);
  return reference ? findRequests(db, { references: [reference], from: new Date(0), to: new Date() }) : [];
}

function filters(query: RequestQuery): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (query.categoryCodes?.length) parts.push(sql`r.category_code = any(${query.categoryCodes}::text[])`);
  if (query.states?.length) parts.push(stateCondition(query.states));
  return parts;
}

/**
 * States are written as constant lists, not parameters, so the planner can see that "all open",
 * "all closed" or any state within them falls inside the partial indexes made for those lists
 * (012_open311_request_filters.sql). The values are the ReportState names, checked before they get here.
 */
function stateCondition(states: readonly ReportState[]): RawBuilder<unknown> {
  return sql`r.state in (${sql.join(states.map((s) => sql.lit(s)))})`;
}

export interface RequestFormat {
  /** mySociety's extended statuses in `status`, when the client asked for them. */
  extendedStatuses: boolean;
  councilName: string;
  /** The public address of a report's photo (web/photo-links.ts), given as media_url. */
  photoUrl?: (reportId: string, fileId: string) => string;
}

export function requestList(rows: RequestRow[], format: RequestFormat): Open311List {
  return list(
    'request',
    rows.map((row) => serviceRequest(row, format)),
  );
}

function serviceRequest(row: RequestRow, format: RequestFormat): Open311Object {
  const names = stateNames[row.state];
  return {
    service_request_id: row.reference,
    status: format.extendedStatuses ? names.extended : names.status,
    status_notes: row.status_notes,
    service_name: row.service_name,
    service_code: row.category_code,
    description: row.description,
    agency_responsible: format.councilName,
    service_notice: null,
    requested_datetime: row.requested,
    updated_datetime: row.updated,
    expected_datetime: row.expected,
    address: row.street ? [row.street, row.town].filter(Boolean).join(', ') : null,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    // Our own photo when the report has one; else the address an Open311 client sent with it.
    media_url: row.photo_file_id && format.photoUrl ? format.photoUrl(row.id, row.photo_file_id) : row.media_url,
  };
}
