import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, type FieldError } from '../../../platform/http/forms.ts';
import type { Services } from '../../../platform/services.ts';
import { ReportRejected } from '../contracts.ts';
import type { ReportsCore } from '../core.ts';
import type { Report } from '../records.ts';
import type { Resident } from '../updates/resident.ts';
import { REOPEN_WITHIN_DAYS } from '../updates/state-machine.ts';
import { publicReport } from './present.ts';
import type { ReporterTokens } from './reporter-token.ts';

const open = { access: 'public' } as const;
type ByReference = { Params: { reference: string }; Querystring: { token?: string } };
const FollowForm = z.object({ email: text });
const InformationForm = z.object({ information: text });
const ReopenForm = z.object({ reason: text });

/** The public report page and what people do from it: follow it, and, for its reporter, add to it or reopen it. */
export async function trackingRoutes(app: FastifyInstance, services: Services, core: ReportsCore, tokens: ReporterTokens): Promise<void> {
  const visible = async (reference: string): Promise<Report | null> => {
    const report = await core.records.findByReference(reference);
    return report && !report.hidden ? report : null;
  };

  /** The reporter: signed in as them, or in the session that made the report or opened its tracking link. */
  const reporterOf = (request: FastifyRequest, report: Report): Resident | null => {
    const user = request.user;
    if (user && report.reporter.userId === user.id) return { userId: user.id };
    if (request.session.reportsMade?.includes(report.reference)) return { userId: report.reporter.userId, email: report.reporter.email };
    return null;
  };

  const reportPage = async (request: FastifyRequest, reply: FastifyReply, report: Report, extra: { errors?: FieldError[]; values?: Record<string, string> } = {}) => {
    const [category, updates] = await Promise.all([core.categories.get(report.categoryCode), core.records.updates(report.id)]);
    const view = await publicReport(report, category, updates, services);
    const reporter = reporterOf(request, report) !== null;
    return reply.code(extra.errors?.length ? 400 : 200).render('reports/report.njk', { report: view, reporter, canReopen: reporter && report.state === 'fixed', values: extra.values ?? {}, ...pageErrors(extra.errors ?? []) });
  };

  app.get<ByReference>('/reports/:reference', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    // The tracking link's token: remember it in the session, then show the page at its plain address.
    if (request.query.token !== undefined) {
      if (tokens.matches(report.reference, request.query.token)) request.session.reportsMade = [...(request.session.reportsMade ?? []).slice(-19), report.reference];
      return reply.redirect(`/reports/${report.reference}`, 303);
    }
    return reportPage(request, reply, report);
  });

  app.get<{ Params: { reference: string; fileId: string } }>('/reports/:reference/photos/:fileId', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report?.photoFileIds.includes(request.params.fileId)) return reply.callNotFound();
    const found = await services.files.read(request.params.fileId);
    if (!found) return reply.callNotFound();
    return reply.type(found.file.type).header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(found.bytes);
  });

  app.get<ByReference>('/reports/:reference/follow', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    return reply.render('reports/follow.njk', { reference: report.reference, values: {} });
  });

  app.post<ByReference>('/reports/:reference/follow', { config: { ...open, rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    const { email } = readForm(FollowForm, request.body);
    const user = request.user;
    const errors: FieldError[] = [];
    if (!user && !email.trim()) errors.push({ href: '#email', text: 'Enter your email address' });
    else {
      try {
        await core.pipeline.subscribe(report.id, user ? { userId: user.id, showName: false } : { email: email.trim(), showName: false });
      } catch (error) {
        if (!(error instanceof ReportRejected)) throw error;
        errors.push({ href: '#email', text: error.message });
      }
    }
    if (errors.length) return reply.code(400).render('reports/follow.njk', { reference: report.reference, values: { email }, ...pageErrors(errors) });
    return reply.redirect(`/reports/${report.reference}/following`, 303);
  });

  app.get<ByReference>('/reports/:reference/following', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    return reply.render('reports/following.njk', { reference: report.reference });
  });

  app.post<ByReference>('/reports/:reference/add-information', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    const resident = reporterOf(request, report);
    if (!resident) return reply.code(403).render('reports/not-reporter.njk', { reference: report.reference });
    const { information } = readForm(InformationForm, request.body);
    const problem = await residentAction(() => core.updates.addInformation(report.id, resident, information), 'Enter the information you want to add');
    if (problem) return reportPage(request, reply, report, { errors: [{ href: '#information', text: problem }], values: { information } });
    request.session.flash = 'Your information has been added to the report';
    return reply.redirect(`/reports/${report.reference}`, 303);
  });

  app.get<ByReference>('/reports/:reference/reopen', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    if (!reporterOf(request, report)) return reply.code(403).render('reports/not-reporter.njk', { reference: report.reference });
    return reply.render('reports/reopen.njk', { reference: report.reference, days: REOPEN_WITHIN_DAYS, values: {} });
  });

  app.post<ByReference>('/reports/:reference/reopen', { config: open }, async (request, reply) => {
    const report = await visible(request.params.reference);
    if (!report) return reply.callNotFound();
    const resident = reporterOf(request, report);
    if (!resident) return reply.code(403).render('reports/not-reporter.njk', { reference: report.reference });
    const { reason } = readForm(ReopenForm, request.body);
    const problem = await residentAction(() => core.updates.reopen(report.id, resident, reason), 'Enter why the problem has not been fixed');
    if (problem) return reply.code(400).render('reports/reopen.njk', { reference: report.reference, days: REOPEN_WITHIN_DAYS, values: { reason }, ...pageErrors([{ href: '#reason', text: problem }]) });
    request.session.flash = 'The report has been reopened';
    return reply.redirect(`/reports/${report.reference}`, 303);
  });
}

/** A resident's action through the core: null when done, else the message to show. */
async function residentAction(act: () => Promise<{ ok: true } | { ok: false; reason: string }>, emptyMessage: string): Promise<string | null> {
  try {
    const outcome = await act();
    return outcome.ok ? null : outcome.reason;
  } catch (error) {
    if (!(error instanceof ReportRejected)) throw error;
    return error.message === 'Enter some text' ? emptyMessage : error.message;
  }
}
