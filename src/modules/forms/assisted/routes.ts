import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../platform/services.ts';
import { FormErrors, readForm, text } from '../../../platform/http/forms.ts';
import { emailProblem } from '../../../platform/identity/forms.ts';
import { currentUser, safeReturnTo } from '../../../platform/identity/sign-in-session.ts';
import type { FormsEngine } from '../engine.ts';
import { ASSISTED_PERMISSION, beginAssisted, chosenResident, endAssisted, residentLabel } from './session.ts';
import { checkContact } from './validation.ts';

const access = { access: { permission: ASSISTED_PERMISSION } } as const;

const FindForm = z.object({ email: text });
const ContactForm = z.object({ name: text, email: text, phone: text });
const ChooseForm = z.object({ formId: text });
const ReturnQuery = z.object({ return: z.string().max(2000).optional().catch(undefined) });

/**
 * Assisted digital: staff fill a form in for a resident on the phone or at the desk. They find the
 * resident's account, or take their contact details, choose a form, and then use the ordinary
 * journey, which records the submission as assisted, for that resident.
 */
export async function assistedRoutes(app: FastifyInstance, services: Services, engine: FormsEngine): Promise<void> {
  app.get('/staff/assisted', { config: access }, async (request, reply) => {
    return reply.render('forms-staff/assisted-find.njk', { values: { email: '' }, current: request.session.assisted ? residentLabel(request.session.assisted.contact) : undefined });
  });

  app.post('/staff/assisted', { config: access }, async (request, reply) => {
    const { email } = readForm(FindForm, request.body);
    const errors = new FormErrors();
    const problem = emailProblem(email, 'Enter their email address');
    const account = problem ? undefined : await services.accounts.findByEmail(email);
    if (problem) errors.add('email', problem);
    else if (!account) errors.add('email', 'No account uses this email address. Check it, or enter their contact details instead');
    if (!account) return reply.code(400).render('forms-staff/assisted-find.njk', { values: { email }, ...errors.view() });
    request.session.assistedFor = {
      residentUserId: account.id,
      contact: { email: account.email, ...(account.name && { name: account.name }), ...(account.phone && { phone: account.phone }) },
    };
    return reply.redirect('/staff/assisted/form', 303);
  });

  app.get('/staff/assisted/contact', { config: access }, async (_request, reply) => reply.render('forms-staff/assisted-contact.njk', { values: { name: '', email: '', phone: '' } }));

  app.post('/staff/assisted/contact', { config: access }, async (request, reply) => {
    const form = readForm(ContactForm, request.body);
    const checked = checkContact(form);
    if (!checked.ok) return reply.code(400).render('forms-staff/assisted-contact.njk', { values: form, ...checked.errors.view() });
    request.session.assistedFor = checked.resident;
    return reply.redirect('/staff/assisted/form', 303);
  });

  app.get('/staff/assisted/form', { config: access }, async (request, reply) => {
    const resident = chosenResident(request);
    if (!resident) return reply.redirect('/staff/assisted', 303);
    return reply.render('forms-staff/assisted-form.njk', { resident: residentLabel(resident.contact), forms: await engine.registry.all(), values: { formId: '' } });
  });

  app.post('/staff/assisted/form', { config: access }, async (request, reply) => {
    const resident = chosenResident(request);
    if (!resident) return reply.redirect('/staff/assisted', 303);
    const { formId } = readForm(ChooseForm, request.body);
    const forms = await engine.registry.all();
    const form = forms.find((f) => f.id === formId);
    if (!form) {
      const errors = new FormErrors();
      errors.add('formId', 'Select the form you are filling in for them');
      return reply.code(400).render('forms-staff/assisted-form.njk', { resident: residentLabel(resident.contact), forms, values: { formId }, ...errors.view() });
    }
    const staffId = currentUser(request).id;
    await services.audit.record({
      actorId: staffId,
      action: 'forms.assisted_started',
      subjectType: resident.residentUserId ? 'user' : 'form',
      subjectId: resident.residentUserId ?? form.id,
      // Which contact details were taken, not the details: the audit log cannot forget them.
      details: { form: form.id, version: form.version, residentUserId: resident.residentUserId ?? null, contactGiven: Object.keys(resident.contact).sort() },
      ip: request.ip,
      requestId: request.id,
    });
    beginAssisted(request, staffId, resident);
    return reply.redirect(`/forms/${form.id}`, 303);
  });

  app.get('/staff/assisted/end', { config: access }, async (request, reply) => {
    const assisted = request.session.assisted;
    if (!assisted) return reply.redirect('/staff/assisted', 303);
    const { return: back } = ReturnQuery.parse(request.query);
    return reply.render('forms-staff/assisted-end.njk', { resident: residentLabel(assisted.contact), cancelHref: safeReturnTo(back) ?? '/forms' });
  });

  app.post('/staff/assisted/end', { config: access }, async (request, reply) => {
    const who = endAssisted(request);
    if (who) request.session.flash = `You have stopped filling in forms for ${who}. Nothing you had not sent was kept.`;
    return reply.redirect('/staff/assisted', 303);
  });
}
