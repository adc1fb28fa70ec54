import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, ticked, type FieldError } from '../../../platform/http/forms.ts';
import type { Services } from '../../../platform/services.ts';
import { formsEngine } from '../../forms/index.ts';
import { ReportRejected } from '../contracts.ts';
import type { ReportsCore } from '../core.ts';
import { isEmailAddress, isPhoneNumber } from '../notifications/contacts.ts';
import { emergencyFor } from './details-routes.ts';
import { draftOf, keepDraft, toStart, type ReportDraft } from './draft.ts';
import type { ReporterTokens } from './reporter-token.ts';

const open = { access: 'public' } as const;
const AboutForm = z.object({ name: text, email: text, phone: text, showName: ticked });

declare module 'fastify' {
  interface Session {
    /** The report just sent, for its confirmation page. */
    reportSent?: { reference: string; token: string; emergencyPhone: string | null; categoryName: string };
  }
}

export function checkAbout(form: z.output<typeof AboutForm>, signedIn: boolean): FieldError[] {
  if (signedIn) return [];
  const errors: FieldError[] = [];
  if (!form.name.trim()) errors.push({ href: '#name', text: 'Enter your name' });
  else if (form.name.trim().length > 200) errors.push({ href: '#name', text: 'Your name must be 200 characters or less' });
  if (!form.email.trim()) errors.push({ href: '#email', text: 'Enter your email address' });
  else if (!isEmailAddress(form.email.trim())) errors.push({ href: '#email', text: 'Enter an email address in the correct format, like name@example.com' });
  if (form.phone.trim() && !isPhoneNumber(form.phone.trim())) errors.push({ href: '#phone', text: 'Enter a telephone number, like 01632 960 001 or 07700 900 982' });
  return errors;
}

/** The end of "Report it": who is reporting, check answers, send, and the confirmation. */
export async function submitRoutes(app: FastifyInstance, services: Services, core: ReportsCore, tokens: ReporterTokens): Promise<void> {
  app.get('/report/about-you', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft?.answers) return toStart(reply);
    const values = draft.about ?? { name: request.user?.name ?? '', email: '', phone: '', showName: false };
    return reply.render('reports/about-you.njk', { values, signedIn: request.user });
  });

  app.post('/report/about-you', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft?.answers) return toStart(reply);
    const form = readForm(AboutForm, request.body);
    const values = { name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim(), showName: form.showName.includes('yes') };
    const errors = checkAbout(form, request.user !== null);
    if (errors.length) return reply.code(400).render('reports/about-you.njk', { values, signedIn: request.user, ...pageErrors(errors) });
    keepDraft(request, { ...draft, about: request.user ? { name: request.user.name ?? '', email: '', phone: '', showName: values.showName } : values });
    return reply.redirect('/report/check', 303);
  });

  const checkPage = async (draft: ReportDraft, errors: FieldError[]) => {
    const category = await core.categories.get(draft.categoryCode);
    const form = category && (await formsEngine(services).registry.latest(category.formId));
    const answers = draft.answers ?? {};
    const questions = (form?.pages.flatMap((p) => p.questions) ?? []).flatMap((f) => (f.name && answers[f.name] !== undefined ? [{ label: f.label, lines: f.summary(answers[f.name]) }] : []));
    return { draft, category, questions, emergencyPhone: emergencyFor(category, draft), ...pageErrors(errors) };
  };

  app.get('/report/check', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft?.place || !draft.answers || !draft.about) return toStart(reply);
    return reply.render('reports/check.njk', { ...(await checkPage(draft, [])), user: request.user });
  });

  app.post('/report/check', { config: { ...open, rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const draft = draftOf(request);
    if (!draft?.place || !draft.answers || !draft.about || draft.description === undefined) return toStart(reply);
    const { place, about } = draft;
    const user = request.user;
    let sent: { id: string; reference: string };
    try {
      sent = await core.pipeline.submit({
        categoryCode: draft.categoryCode,
        lon: place.lon,
        lat: place.lat,
        ...(place.assetId ? { assetId: place.assetId } : {}),
        description: draft.description,
        ...(place.locationDescription ? { locationDescription: place.locationDescription } : {}),
        answers: draft.answers,
        photoFileIds: draft.photos.map((p) => p.fileId),
        reporter: user ? { userId: user.id, name: user.name ?? undefined, email: user.email, showName: about.showName } : { name: about.name, email: about.email, phone: about.phone || undefined, showName: about.showName },
        channel: 'web',
      });
    } catch (error) {
      if (!(error instanceof ReportRejected)) throw error;
      // Something changed since the answer was given (an asset's number, the map): say so, and where to change it.
      const href = error.field === 'location' || error.field === 'asset' ? '#change-where' : error.field === 'description' ? '#change-description' : '#change-details';
      return reply.code(400).render('reports/check.njk', { ...(await checkPage(draft, [{ href, text: error.message }])), user });
    }
    const category = await core.categories.get(draft.categoryCode);
    request.session.reportIt = undefined;
    request.session.reportsMade = [...(request.session.reportsMade ?? []).slice(-19), sent.reference];
    request.session.reportSent = { reference: sent.reference, token: tokens.tokenFor(sent.reference), emergencyPhone: emergencyFor(category, draft), categoryName: category?.name ?? 'Problem' };
    return reply.redirect('/report/confirmation', 303);
  });

  app.get('/report/confirmation', { config: open }, async (request, reply) => {
    const sent = request.session.reportSent;
    if (!sent) return toStart(reply);
    return reply.render('reports/confirmation.njk', { sent, trackingHref: `/reports/${sent.reference}?token=${sent.token}` });
  });
}
