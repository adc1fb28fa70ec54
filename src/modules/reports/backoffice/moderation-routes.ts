import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageErrors, readForm, text, ticked, type FieldError } from '../../../platform/http/forms.ts';
import { currentUser } from '../../../platform/identity/sign-in-session.ts';
import { REDACTION_MARK } from './moderation.ts';
import { moderate, reportOf } from './params.ts';
import type { BackOffice } from './report-view.ts';

const ModerateForm = z.object({ action: text, description: text, keepPhotos: ticked, reason: text });
const MAX_DESCRIPTION = 4000;

/** Moderators hide a report from the public, or take words or photos out of it, saying why. */
export async function moderationRoutes(app: FastifyInstance, office: BackOffice): Promise<void> {
  const { core, moderation } = office;

  const page = async (id: string, values: { action: string; description: string; keepPhotos: string[]; reason: string }, errors: FieldError[] = []) => {
    const report = await reportOf(core, { id });
    const history = await moderation.history(report.id);
    const originalPhotos = history[0]?.originalPhotoFileIds ?? report.photoFileIds;
    return { report, history, original: history[0]?.originalDescription ?? report.description, originalPhotos, redactionMark: REDACTION_MARK, values, ...(errors.length ? pageErrors(errors) : {}) };
  };

  app.get('/staff/reports/:id/moderate', { config: moderate }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    return reply.render('backoffice/moderate.njk', await page(report.id, { action: '', description: report.description, keepPhotos: report.photoFileIds, reason: '' }));
  });

  app.post('/staff/reports/:id/moderate', { config: moderate }, async (request, reply) => {
    const report = await reportOf(core, request.params);
    const form = readForm(ModerateForm, request.body);
    const errors: FieldError[] = [];
    if (!['redacted', 'hidden', 'shown'].includes(form.action)) errors.push({ href: '#action', text: 'Select what to do with the report' });
    if (form.action === 'redacted' && !form.description.trim()) errors.push({ href: '#description', text: `Enter what the public will see. Replace the words you remove with ${REDACTION_MARK}` });
    if (form.description.length > MAX_DESCRIPTION) errors.push({ href: '#description', text: `The description must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or less` });
    if (!form.reason.trim()) errors.push({ href: '#reason', text: 'Enter why you are moderating this report' });
    else if (form.reason.length > 1000) errors.push({ href: '#reason', text: 'The reason must be 1,000 characters or less' });
    if (errors.length) return reply.code(400).render('backoffice/moderate.njk', await page(report.id, form, errors));
    const staffId = currentUser(request).id;
    const reason = form.reason.trim();
    if (form.action === 'redacted') await moderation.moderate(report.id, { action: 'redacted', publicDescription: form.description.trim(), keepPhotoFileIds: form.keepPhotos, reason }, staffId);
    else await moderation.moderate(report.id, { action: form.action === 'hidden' ? 'hidden' : 'shown', reason }, staffId);
    request.session.flash = form.action === 'redacted' ? 'The report has been redacted' : form.action === 'hidden' ? 'The report is hidden from the public' : 'The report is shown to the public again';
    return reply.redirect(`/staff/reports/${report.id}`, 303);
  });
}
