import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, ticked, type FieldError } from '../../../platform/http/forms.ts';
import { pagination, showing } from '../../../platform/http/pagination.ts';
import { currentUser } from '../../../platform/identity/sign-in-session.ts';
import { ALL_STATES } from '../states.ts';
import { allTemplates, bulkChange } from './bulk.ts';
import { PRIORITY_LABELS, stateLabel } from './labels.ts';
import { manage } from './params.ts';
import { QUEUE_PAGE_SIZE, type QueueRow, type ReportQueue } from './queue.ts';
import { queueCsv } from './queue-csv.ts';
import { AGES, filterQuery, PRIORITIES, readQueueFilter, SORTS, type QueueFilter } from './queue-filter.ts';
import type { BackOffice } from './report-view.ts';

const BulkForm = z.object({ reports: ticked, action: text, team: text, inspector: text, template: text, filter: text });
const SORT_LABELS: Record<(typeof SORTS)[number], string> = { newest: 'Newest first', oldest: 'Oldest first', due: 'Due soonest', priority: 'Highest priority', street: 'Ward and street' };
const PRINT_CSS = readFileSync(path.join(import.meta.dirname, 'print.css'), 'utf8');

/** The queue of reports with its filters, bulk changes, the CSV export and inspectors' printable shortlists. */
export async function queueRoutes(app: FastifyInstance, office: BackOffice, queue: ReportQueue): Promise<void> {
  const { services, core, assignments } = office;
  const wardName = (code: string | null) => (code ? (services.geography.wards().find((w) => w.code === code)?.name ?? code) : '');

  const queuePage = async (filter: QueueFilter, errors: FieldError[] = []) => {
    const [{ rows, total }, counts, teams, inspectors, categories, templates] = await Promise.all([
      queue.page(filter),
      queue.countsByState(filter),
      assignments.teams(),
      assignments.inspectors(),
      core.categories.active(),
      allTemplates(core),
    ]);
    const categoryName = new Map(categories.map((c) => [c.code, c.name]));
    return {
      filter,
      rows: rows.map((r) => ({ ...r, stateText: stateLabel(r.state), priorityText: PRIORITY_LABELS[r.priority], wardName: wardName(r.wardCode) })),
      counts: ALL_STATES.map((s) => ({ state: s, text: stateLabel(s), count: counts.get(s) ?? 0, href: `/staff/reports?${filterQuery({ ...filter, status: s })}` })),
      wards: services.geography.wards(),
      categories,
      states: ALL_STATES.map((s) => ({ value: s, text: stateLabel(s) })),
      priorities: PRIORITIES.map((p) => ({ value: p, text: PRIORITY_LABELS[p] })),
      ages: AGES.map((a) => ({ value: a, text: a === '1' ? 'More than 1 day' : `More than ${a} days` })),
      sorts: SORTS.map((s) => ({ value: s, text: SORT_LABELS[s] })),
      teams,
      inspectors,
      templates: templates.map((t) => ({ id: t.id, text: `${stateLabel(t.state)}: ${t.title}${t.categoryCode ? ` (${categoryName.get(t.categoryCode) ?? t.categoryCode} only)` : ''}` })),
      query: filterQuery(filter),
      showing: showing(filter.page, total, QUEUE_PAGE_SIZE, 'reports'),
      pagination: pagination(filter.page, total, QUEUE_PAGE_SIZE, (n) => `/staff/reports?${filterQuery(filter, { page: String(n) })}`),
      ...(errors.length ? pageErrors(errors) : {}),
    };
  };

  app.get('/staff/reports', { config: manage }, async (request, reply) => reply.render('backoffice/queue.njk', await queuePage(readQueueFilter(request.query))));

  app.post('/staff/reports/bulk', { config: manage }, async (request, reply) => {
    const form = readForm(BulkForm, request.body);
    const filter = readQueueFilter(Object.fromEntries(new URLSearchParams(form.filter)));
    const result = await bulkChange(core, assignments, { reportIds: form.reports, action: form.action, team: form.team, inspector: form.inspector, templateId: form.template }, currentUser(request).id);
    if (!result.ok) return reply.code(400).render('backoffice/queue.njk', await queuePage(filter, result.errors));
    const changed = `${result.changed} ${result.changed === 1 ? 'report' : 'reports'} changed`;
    request.session.flash = result.refused.length ? `${changed}. Not changed: ${result.refused.join('; ')}` : changed;
    return reply.redirect(`/staff/reports?${filterQuery(filter)}`, 303);
  });

  app.get('/staff/reports/export.csv', { config: manage }, async (request, reply) => {
    const filter = readQueueFilter(request.query);
    await services.audit.record({ actorId: currentUser(request).id, action: 'reports.exported', subjectType: 'report_queue', details: { filter: filterQuery(filter) }, ip: request.ip, requestId: request.id });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="reports-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(queueCsv(queue.all(filter), wardName)));
  });

  app.get('/staff/reports/shortlist', { config: manage }, async (request, reply) => {
    const inspectors = await assignments.inspectors();
    const asked = z.object({ inspector: z.string().max(100).optional().catch(undefined) }).parse(request.query).inspector;
    const inspector = inspectors.find((i) => i.id === asked) ?? inspectors.find((i) => i.id === currentUser(request).id);
    if (!inspector) return reply.render('backoffice/shortlist-choose.njk', { inspectors });
    const rows: QueueRow[] = [];
    for await (const row of queue.all(readQueueFilter({ inspector: inspector.id, sort: 'street' }))) rows.push(row);
    // A heading wherever the ward changes: the list is sorted by ward, then street.
    const reports = await Promise.all(rows.map(async (r, i) => ({ ...r, stateText: stateLabel(r.state), priorityText: PRIORITY_LABELS[r.priority], wardName: wardName(r.wardCode), wardHeading: i === 0 || rows[i - 1]?.wardCode !== r.wardCode, description: (await core.records.find(r.id))?.description ?? '' })));
    return reply.render('backoffice/shortlist.njk', { inspector, inspectors, reports, printedAt: new Date() });
  });

  app.get('/staff/reports/print.css', { config: manage }, async (_request, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'private, max-age=3600').send(PRINT_CSS));
}
