import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, type FieldError } from '../../../platform/http/forms.ts';
import { currentUser } from '../../../platform/identity/sign-in-session.ts';
import { ReportRejected } from '../contracts.ts';
import { stateLabel, stateOptions } from './labels.ts';
import { isState } from './queue-filter.ts';
import { manage, reportOf } from './params.ts';
import { staffReportView, type BackOffice } from './report-view.ts';
import { changeStatus } from './status.ts';

const StatusQuery = z.object({ to: z.string().max(40).optional().catch(undefined), template: z.coerce.number().int().positive().optional().catch(undefined) });
const StatusForm = z.object({ from: text, to: text, text, duplicateOf: text });
const NoteForm = z.object({ note: text });
const AssignForm = z.object({ team: text, inspector: text });
const CategoryForm = z.object({ category: text });

/** One report for staff: read everything, change its status, add notes, assign it, move it to another category. */
export async function reportRoutes(app: FastifyInstance, office: BackOffice): Promise<void> {
  const { core } = office;
  const href = (id: string) => `/staff/reports/${id}`;

  const showReport = async (id: string, status: number, errors: FieldError[] = [], values: Record<string, string> = {}) => {
    const report = await reportOf(core, { id });
    return { status, view: { ...(await staffReportView(office, report)), values, stateOptions: stateOptions(), ...(errors.length ? pageErrors(errors) : {}) } };
  };

  app.get('/staff/reports/:id', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const { view } = await showReport(report.id, 200);
    return reply.render('backoffice/report.njk', view);
  });

  app.get('/staff/reports/:id/status', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const query = StatusQuery.parse(request.query);
    const to = query.to && isState(query.to) ? query.to : undefined;
    if (!to) {
      const { view } = await showReport(report.id, 400, [{ href: '#to', text: 'Select the new status' }]);
      return reply.code(400).render('backoffice/report.njk', view);
    }
    const templates = await core.templates.choices(report.categoryCode, to);
    const chosen = templates.find((t) => t.id === query.template) ?? templates[0];
    return reply.render('backoffice/status.njk', { report, to, toText: stateLabel(to), templates, chosen, values: { text: chosen?.text ?? '', duplicateOf: '' } });
  });

  app.post('/staff/reports/:id/status', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const form = readForm(StatusForm, request.body);
    if (!isState(form.to) || !isState(form.from)) {
      const { view } = await showReport(report.id, 400, [{ href: '#to', text: 'Select the new status' }]);
      return reply.code(400).render('backoffice/report.njk', view);
    }
    const errors = await changeStatus(core, report, { from: form.from, to: form.to, text: form.text, duplicateOf: form.duplicateOf }, currentUser(request).id);
    if (!errors.length) {
      request.session.flash = `Status changed to ${stateLabel(form.to).toLowerCase()}`;
      return reply.redirect(href(report.id), 303);
    }
    const templates = await core.templates.choices(report.categoryCode, form.to);
    return reply.code(400).render('backoffice/status.njk', { report, to: form.to, toText: stateLabel(form.to), templates, values: form, ...pageErrors(errors) });
  });

  app.post('/staff/reports/:id/notes', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const { note } = readForm(NoteForm, request.body);
    try {
      await core.updates.addInternalNote(report.id, currentUser(request).id, note);
    } catch (error) {
      if (!(error instanceof ReportRejected)) throw error;
      const { view } = await showReport(report.id, 400, [{ href: '#note', text: error.field === 'text' && !note.trim() ? 'Enter the note' : error.message }], { note });
      return reply.code(400).render('backoffice/report.njk', view);
    }
    request.session.flash = 'Internal note added';
    return reply.redirect(href(report.id), 303);
  });

  app.post('/staff/reports/:id/assign', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const form = readForm(AssignForm, request.body);
    const checked = await office.assignments.check(form.team, form.inspector);
    if (!checked.ok) {
      const { view } = await showReport(report.id, 400, [{ href: `#${checked.field}`, text: checked.message }]);
      return reply.code(400).render('backoffice/report.njk', view);
    }
    await office.assignments.assign(report.id, form.team || null, form.inspector || null, currentUser(request).id);
    request.session.flash = form.team || form.inspector ? 'Report assigned' : 'Report unassigned';
    return reply.redirect(href(report.id), 303);
  });

  app.post('/staff/reports/:id/category', { config: manage }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const { category } = readForm(CategoryForm, request.body);
    const outcome = category ? await core.updates.changeCategory(report.id, category, currentUser(request).id) : { ok: false as const, reason: 'Select a category' };
    if (!outcome.ok) {
      const { view } = await showReport(report.id, 400, [{ href: '#category', text: outcome.reason }]);
      return reply.code(400).render('backoffice/report.njk', view);
    }
    request.session.flash = 'Category changed. The report has been sent to the new category’s team';
    return reply.redirect(href(report.id), 303);
  });
}
