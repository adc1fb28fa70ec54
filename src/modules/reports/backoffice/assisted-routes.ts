import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, type FieldError } from '../../../platform/http/forms.ts';
import { currentUser } from '../../../platform/identity/sign-in-session.ts';
// The forms engine's own reading of a page's fields, as the resident's "Report it" uses for the same questions.
import { fieldViews, formsEngine, readFields, type FieldView, type FormField } from '../../forms/index.ts';
import type { ReportCategory } from '../categories/catalogue.ts';
import { ReportRejected } from '../contracts.ts';
import { MAX_DESCRIPTION } from '../pipeline/input.ts';
import { STATE_LABELS } from '../states.ts';
import { locateFrom, searchPlaces, type SearchResult } from '../web/place.ts';
import type { DraftPlace } from '../web/draft.ts';
import { daysAgo } from '../web/present.ts';
import { ASSISTED_START, checkCaller, contactedBy, isStaffChannel, reporterOf, staffDraftOf, type StaffReportDraft } from './assisted-draft.ts';
import type { BackOffice } from './report-view.ts';

/** Assisted digital: the forms module's permission for acting for a resident, held by customer services and highways officers. */
const act = { access: { permission: 'assisted.act' } } as const;
const StartForm = z.object({ channel: text, category: text, name: text, email: text, phone: text, updates: text });
const WhereForm = z.object({ assetId: text, place: text, lon: text, lat: text, locationDescription: text, search: text });
const FollowForm = z.object({ reportId: text });
const HERE = ASSISTED_START;

/**
 * Staff take a report for a caller on the phone or at a counter: caller and problem, where, the
 * reports already made nearby (the caller can follow one instead), the category's questions, and
 * a confirmation with the reference to read out. The report goes through the same pipeline as the
 * web's, recording the channel and who took it.
 */
export async function assistedRoutes(app: FastifyInstance, office: BackOffice): Promise<void> {
  const { core, services } = office;
  const engine = () => formsEngine(services);
  const restart = (reply: FastifyReply) => reply.redirect(HERE, 303);
  const withCategory = async (request: FastifyRequest): Promise<{ draft: StaffReportDraft; category: ReportCategory } | undefined> => {
    const draft = staffDraftOf(request);
    const category = draft && (await core.categories.get(draft.categoryCode));
    return draft && category ? { draft, category } : undefined;
  };

  const startPage = async (values: Record<string, string>, errors: FieldError[]) => {
    const categories = await core.categories.active();
    return { values, categories: categories.map((c) => ({ value: c.code, text: c.name, hint: { text: c.description }, checked: c.code === values.category })), ...pageErrors(errors) };
  };

  app.get(HERE, { config: act }, async (_request, reply) => reply.render('backoffice/assisted/start.njk', await startPage({}, [])));

  app.post(HERE, { config: act }, async (request, reply) => {
    const form = readForm(StartForm, request.body);
    const errors: FieldError[] = [];
    if (!isStaffChannel(form.channel)) errors.push({ href: '#channel', text: 'Select how the caller is reporting the problem' });
    const category = form.category ? await core.categories.get(form.category) : undefined;
    if (!category?.active) errors.push({ href: '#category', text: 'Select what the problem is' });
    const { caller, errors: callerErrors } = checkCaller(form);
    errors.push(...callerErrors);
    if (errors.length || !category || !isStaffChannel(form.channel)) return reply.code(400).render('backoffice/assisted/start.njk', await startPage(form, errors));
    // A new caller: nothing from the last one carries over.
    request.session.staffReport = { channel: form.channel, categoryCode: category.code, caller };
    request.session.staffReportSent = undefined;
    return reply.redirect(`${HERE}/where`, 303);
  });

  const wherePage = (category: ReportCategory, values: Record<string, string>, results: SearchResult[] | undefined, errors: FieldError[]) => ({ category, values, results, ...pageErrors(errors) });

  app.get<{ Querystring: { search?: string } }>(`${HERE}/where`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    if (!found) return restart(reply);
    const search = typeof request.query.search === 'string' ? request.query.search.slice(0, 100) : '';
    const results = search ? await searchPlaces(services.gazetteer, search) : undefined;
    const errors: FieldError[] = results && results.length === 0 ? [{ href: '#search', text: `No streets or postcodes match “${search}”. Check the spelling, or try a nearby street` }] : [];
    const values = { search, assetId: found.draft.place?.assetId ?? '', locationDescription: found.draft.place?.locationDescription ?? '' };
    return reply.code(errors.length ? 400 : 200).render('backoffice/assisted/where.njk', wherePage(found.category, values, results, errors));
  });

  app.post(`${HERE}/where`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    if (!found) return restart(reply);
    const form = readForm(WhereForm, request.body);
    // Staff have no map: the street or postcode search, or the asset's number.
    const located = await locateFrom(core, services.gazetteer, found.category, { ...form, lon: '', lat: '' });
    const errors = located.ok ? (located.result.responsibility === 'council' ? [] : [{ href: '#search', text: `This is not the council’s to fix. ${located.result.responsibleMessage ?? ''}`.trim() }]) : located.errors;
    if (!located.ok || errors.length) {
      const results = form.search ? await searchPlaces(services.gazetteer, form.search) : undefined;
      return reply.code(400).render('backoffice/assisted/where.njk', wherePage(found.category, form, results, errors));
    }
    request.session.staffReport = { ...found.draft, place: located.place };
    return reply.redirect(located.result.nearby.length ? `${HERE}/nearby` : `${HERE}/details`, 303);
  });

  const nearbyPage = async (found: { draft: StaffReportDraft; category: ReportCategory }, place: DraftPlace, errors: FieldError[]) => {
    const result = await core.pipeline.locate(found.category.code, place.lon, place.lat, place.assetId);
    const nearby = result.nearby.map((n) => ({
      id: n.id,
      reference: n.reference,
      state: STATE_LABELS[n.state],
      reported: daysAgo(n.createdAt),
      where: n.assetId && n.assetId === place.assetId ? `On ${n.assetId}, the same asset` : `${Math.round(n.distanceMetres)} metres away`,
    }));
    return { nearby, category: found.category, canFollow: found.draft.caller.wantsUpdates, ...pageErrors(errors) };
  };

  app.get(`${HERE}/nearby`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    const place = found?.draft.place;
    if (!found || !place) return restart(reply);
    const page = await nearbyPage(found, place, []);
    if (!page.nearby.length) return reply.redirect(`${HERE}/details`, 303);
    return reply.render('backoffice/assisted/nearby.njk', page);
  });

  // The caller's problem is reported already: they follow that report instead of making another.
  app.post(`${HERE}/follow`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    const place = found?.draft.place;
    if (!found || !place) return restart(reply);
    const { reportId } = readForm(FollowForm, request.body);
    const report = reportId ? await core.records.find(reportId) : null;
    if (!report) return reply.redirect(`${HERE}/nearby`, 303);
    const { caller } = found.draft;
    try {
      await core.pipeline.subscribe(report.id, reporterOf(caller), { staffId: currentUser(request).id, channel: found.draft.channel });
    } catch (error) {
      if (!(error instanceof ReportRejected)) throw error;
      return reply.code(400).render('backoffice/assisted/nearby.njk', await nearbyPage(found, place, [{ href: `#follow-${report.id}`, text: error.message }]));
    }
    request.session.staffReport = undefined;
    request.session.staffReportSent = { reference: report.reference, reportId: report.id, callerName: caller.name, contactedBy: contactedBy(caller), followed: true };
    return reply.redirect(`${HERE}/confirmation`, 303);
  });

  const questionsOf = async (category: ReportCategory): Promise<FormField[]> => {
    const form = await engine().registry.latest(category.formId);
    return form ? form.pages.flatMap((p) => p.questions) : [];
  };
  const detailsPage = (found: { draft: StaffReportDraft; category: ReportCategory }, fields: FieldView[], description: string, errors: FieldError[]) => ({
    category: found.category,
    place: found.draft.place,
    fields,
    description,
    maxDescription: MAX_DESCRIPTION,
    ...pageErrors(errors),
  });

  app.get(`${HERE}/details`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    if (!found?.draft.place) return restart(reply);
    const views = fieldViews(engine(), await questionsOf(found.category), {}, { asHeading: false });
    return reply.render('backoffice/assisted/details.njk', detailsPage(found, views, '', []));
  });

  app.post(`${HERE}/details`, { config: act }, async (request, reply) => {
    const found = await withCategory(request);
    const place = found?.draft.place;
    if (!found || !place) return restart(reply);
    const body = typeof request.body === 'object' && request.body !== null ? { ...request.body } : {};
    const questions = await questionsOf(found.category);
    const outcome = await readFields(engine(), questions, {}, body, { asHeading: false });
    const description = posted(body, 'description').replace(/\r\n?/g, '\n').trim();
    const errors: FieldError[] = outcome.kind === 'show' ? [...outcome.errors] : [];
    if (!description) errors.push({ href: '#description', text: 'Describe the problem' });
    else if (description.length > MAX_DESCRIPTION) errors.push({ href: '#description', text: `The description must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or fewer` });
    const showAgain = async (problems: FieldError[]) => {
      const views = outcome.kind === 'show' ? outcome.views : fieldViews(engine(), questions, outcome.answers, { asHeading: false });
      return reply.code(400).render('backoffice/assisted/details.njk', detailsPage(found, views, description, problems));
    };
    if (errors.length || outcome.kind === 'show') return showAgain(errors);
    const { draft } = found;
    let sent: { id: string; reference: string };
    try {
      sent = await core.pipeline.submit({
        categoryCode: found.category.code,
        lon: place.lon,
        lat: place.lat,
        ...(place.assetId ? { assetId: place.assetId } : {}),
        description,
        ...(place.locationDescription ? { locationDescription: place.locationDescription } : {}),
        answers: outcome.answers,
        photoFileIds: [],
        reporter: reporterOf(draft.caller),
        channel: draft.channel,
        staffId: currentUser(request).id,
      });
    } catch (error) {
      if (!(error instanceof ReportRejected)) throw error;
      // The place may have changed since it was chosen (an asset taken out, a street handed over): say where to change it.
      return showAgain([{ href: error.field === 'description' ? '#description' : `${HERE}/where`, text: error.message }]);
    }
    request.session.staffReport = undefined;
    request.session.staffReportSent = { reference: sent.reference, reportId: sent.id, callerName: draft.caller.name, contactedBy: contactedBy(draft.caller), followed: false };
    return reply.redirect(`${HERE}/confirmation`, 303);
  });

  app.get(`${HERE}/confirmation`, { config: act }, async (request, reply) => {
    const sent = request.session.staffReportSent;
    if (!sent) return restart(reply);
    const canManage = currentUser(request).permissions.has('reports.manage');
    return reply.render('backoffice/assisted/confirmation.njk', { sent, publicUrl: `${services.config.baseUrl}/reports/${sent.reference}`, staffHref: canManage ? `/staff/reports/${sent.reportId}` : undefined });
  });
}

function posted(body: object, name: string): string {
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value : '';
}
