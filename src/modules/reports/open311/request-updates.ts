import { sql } from 'kysely';
import type { ReportState, ReportStateChanges, StateChangeResult } from '../contracts.ts';
import type { ReportRecords } from '../records.ts';
import { normaliseReportReference } from '../reference.ts';
import type { ReportsDb } from '../tables.ts';
import type { Open311Client } from './clients.ts';
import { Open311Error, badRequest, notFound } from './errors.ts';
import { list, w3cDate, type Open311List } from './format.ts';
import { dateParam, text, type Params } from './params.ts';
import { WINDOW_DAYS } from './request-query.ts';
import { MAX_REQUESTS } from './requests.ts';
import { stateFromUpdateStatus, stateNames, updateStatuses } from './statuses.ts';

interface UpdateRow {
  id: string;
  reference: string;
  state: ReportState;
  text: string | null;
  updated: string;
}

/**
 * Public updates made between two times, oldest first (mySociety's GET servicerequestupdates).
 * Each carries the report's state as it was after that update. The update that only says a
 * report arrived is left out: it is the request itself, which GET requests already gives.
 */
export async function findUpdates(db: ReportsDb, from: Date, to: Date): Promise<UpdateRow[]> {
  const result = await sql<UpdateRow>`
    select u.id, r.reference, u.text, ${w3cDate(sql`u.created_at`)} as updated,
      coalesce(u.to_state,
        (select p.to_state from report_updates p
          where p.report_id = u.report_id and p.to_state is not null and p.created_at <= u.created_at
          order by p.created_at desc limit 1),
        r.state) as state
    from report_updates u
    join reports r on r.id = u.report_id
    where u.visibility = 'public' and not r.hidden
      and u.created_at >= ${from} and u.created_at <= ${to}
      and not (u.from_state is null and u.to_state is not null)
    order by u.created_at, u.id
    limit ${MAX_REQUESTS}`.execute(db);
  return result.rows;
}

export function updateList(rows: UpdateRow[]): Open311List {
  return list(
    'request_update',
    rows.map((row) => ({
      update_id: row.id,
      service_request_id: row.reference,
      status: stateNames[row.state].extended,
      updated_datetime: row.updated,
      description: row.text ?? '',
      media_url: '',
    })),
  );
}

/** The window GET servicerequestupdates covers: start_date to end_date, by default the last 90 days. */
export function updatesWindow(params: Params): { from: Date; to: Date } {
  const to = dateParam(params, 'end_date') ?? new Date();
  const from = dateParam(params, 'start_date') ?? new Date(to.getTime() - WINDOW_DAYS * 24 * 3600 * 1000);
  return { from, to };
}

export interface PostedUpdate {
  reference: string;
  updateId: string;
  status: string;
  occurredAt: Date;
  description: string | undefined;
}

const MAX_UPDATE_ID = 100;
const REQUIRED = ['service_request_id', 'update_id', 'status', 'updated_datetime'];

/** POST servicerequestupdates' parameters: 400 naming each required one that is missing. */
export function postedUpdate(body: Params): PostedUpdate {
  const missing = REQUIRED.filter((name) => !text(body, name));
  if (missing.length) throw badRequest(missing.map((name) => `${name} was not provided`));
  return {
    reference: text(body, 'service_request_id') ?? '',
    updateId: text(body, 'update_id') ?? '',
    status: text(body, 'status') ?? '',
    occurredAt: dateParam(body, 'updated_datetime') ?? new Date(),
    description: text(body, 'description'),
  };
}

/**
 * Applies a client's update once: its update_id, scoped to the client, is the external id the
 * state-change service keeps, so a retried POST answers with the same update and changes nothing.
 * Returns our id for the update, which GET servicerequestupdates gives too, so a client that
 * posted it can recognise it there.
 */
export async function applyUpdate(deps: { records: ReportRecords; updates: ReportStateChanges }, client: Open311Client, posted: PostedUpdate): Promise<string> {
  const to = stateFromUpdateStatus(posted.status);
  if (!to) throw badRequest(`status ${posted.status.slice(0, 40)} is not one this server knows; send one of ${updateStatuses.join(', ')}`);
  if (posted.updateId.length > MAX_UPDATE_ID) throw badRequest(`update_id must be ${MAX_UPDATE_ID} characters or less`);
  const reference = normaliseReportReference(posted.reference);
  const change = { to, publicText: posted.description, actor: { kind: 'open311' as const, id: client.id }, externalUpdateId: `open311:${client.id}:${posted.updateId}`, occurredAt: posted.occurredAt };
  // The report may change between reading its state and applying the update; one retry settles that.
  for (let attempt = 0; attempt < 2; attempt++) {
    const report = reference ? await deps.records.findByReference(reference) : null;
    if (!report || report.hidden) throw notFound(`service_request_id ${posted.reference.slice(0, 40)} was not found`);
    const result = await deps.updates.apply({ reportId: report.id, from: report.state, ...change });
    const answered = outcome(result);
    if (answered !== 'stale') return answered;
  }
  throw new Open311Error(400, 'The report changed while the update was applied; send it again');
}

function outcome(result: StateChangeResult): string | 'stale' {
  if (result.outcome !== 'refused') return result.updateId;
  if (result.reason === 'stale') return 'stale';
  if (result.reason === 'not_found') throw notFound('service_request_id was not found');
  throw badRequest(result.message);
}
