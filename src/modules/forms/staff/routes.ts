import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../../platform/services.ts';
import { HttpProblem } from '../../../platform/http/errors.ts';
import { MEGABYTE } from '../../../platform/files/index.ts';
import { postedUploads } from '../../../platform/files/multipart.ts';
import { actorOf, currentUser } from '../../../platform/identity/sign-in-session.ts';
import { FormErrors, readForm } from '../../../platform/http/forms.ts';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { slug } from '../definition/schema.ts';
import { STUCK_AFTER_HOURS } from '../delivery/repository.ts';
import { pagination, showing } from '../../../platform/http/pagination.ts';
import { PAGE_SIZE, type StaffForms } from './service.ts';
import { previewPages } from './preview.ts';
import { publishErrors } from './publish.ts';

const manage = { access: { permission: 'forms.manage' } } as const;
const read = { access: { permission: 'forms.submissions' } } as const;

const Page = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
const SubmissionsQuery = Page.extend({ form: slug.optional().catch(undefined) });
const FormParams = z.object({ formId: z.string().max(100) });
const VersionParams = FormParams.extend({ version: z.string().max(10) });
const IdParams = z.object({ id: z.string().max(100) });
const FileParams = IdParams.extend({ fileId: z.string().max(100) });
// A definition is long: up to the size an uploaded one may be.
const PublishForm = z.looseObject({ definition: z.string().max(MEGABYTE).optional().transform((v) => v ?? '') });

const MAX_DEFINITION_BYTES = MEGABYTE;

/** Staff pages for forms: publishing versions, reading and exporting submissions, failed deliveries. */
export async function staffFormsRoutes(app: FastifyInstance, services: Services, staff: StaffForms): Promise<void> {
  app.get('/staff/forms', { config: manage }, async (_request, reply) => reply.render('forms-staff/forms.njk', { forms: await staff.forms() }));

  app.get('/staff/forms/publish', { config: manage }, async (_request, reply) => reply.render('forms-staff/publish.njk', { values: { definition: '' } }));

  app.post('/staff/forms/publish', { config: manage }, async (request, reply) => {
    const { definition } = readForm(PublishForm, request.body);
    const [file] = postedUploads(request.body, 'definitionFile');
    const fieldId = file ? 'definitionFile' : 'definition';
    let errors: ErrorItem[] = file && (file.truncated || file.bytes.length > MAX_DEFINITION_BYTES) ? [{ href: '#definitionFile', text: 'The selected file must be smaller than 1MB' }] : [];
    const source = file ? file.bytes.toString('utf8') : definition;
    if (!errors.length && source.trim() === '') errors = [{ href: '#definition', text: 'Paste the form definition, or choose a JSON file' }];
    if (!errors.length) {
      const published = await staff.publish(source, { ...actorOf(request), userId: currentUser(request).id });
      if (published.ok) {
        request.session.flash = `Version ${published.form.version} of ${published.form.title} is published`;
        return reply.redirect(`/staff/forms/${published.form.id}`, 303);
      }
      errors = publishErrors(published.problems, fieldId);
    }
    return reply.code(400).render('forms-staff/publish.njk', { values: { definition: file ? '' : definition }, ...pageErrors(errors) });
  });

  app.get('/staff/forms/:formId', { config: manage }, async (request, reply) => {
    const { formId } = paramsOf(FormParams, request.params);
    const found = await staff.form(formId);
    if (!found) throw new HttpProblem(404, 'Page not found');
    return reply.render('forms-staff/form.njk', { form: found.latest, versions: found.versions });
  });

  app.get('/staff/forms/:formId/versions/:version', { config: manage }, async (request, reply) => {
    const { formId, version } = paramsOf(VersionParams, request.params);
    const form = /^\d{1,9}$/.test(version) ? await staff.version(formId, Number(version)) : undefined;
    if (!form) throw new HttpProblem(404, 'Page not found');
    return reply.render('forms-staff/version.njk', { form, pages: previewPages(form) });
  });

  app.get('/staff/forms/:formId/submissions.csv', { config: read }, async (request, reply) => {
    const { formId } = paramsOf(FormParams, request.params);
    const lines = await staff.exportCsv(formId);
    if (!lines) throw new HttpProblem(404, 'Page not found');
    await services.audit.record({ actorId: currentUser(request).id, action: 'forms.submissions_exported', subjectType: 'form', subjectId: formId, ip: request.ip, requestId: request.id });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${formId}-submissions-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines));
  });

  app.get('/staff/form-submissions', { config: read }, async (request, reply) => {
    const { page, form } = SubmissionsQuery.parse(request.query);
    const [{ rows, total }, forms] = await Promise.all([staff.submissions(form, page), staff.forms()]);
    const href = (n: number) => `/staff/form-submissions?${new URLSearchParams({ ...(form && { form }), page: String(n) }).toString()}`;
    return reply.render('forms-staff/submissions.njk', { rows, forms, form, showing: showing(page, total, PAGE_SIZE, 'submissions'), pagination: pagination(page, total, PAGE_SIZE, href) });
  });

  app.get('/staff/form-submissions/:id', { config: read }, async (request, reply) => {
    const { id } = paramsOf(IdParams, request.params);
    const view = await staff.submission(id);
    if (!view) throw new HttpProblem(404, 'Page not found');
    return reply.render('forms-staff/submission.njk', { ...view });
  });

  app.get('/staff/form-submissions/:id/files/:fileId', { config: read }, async (request, reply) => {
    const { id, fileId } = paramsOf(FileParams, request.params);
    const found = await staff.submissionFile(id, fileId);
    if (!found) throw new HttpProblem(404, 'Page not found');
    // Served as a download, never shown inline: the content was sniffed, but a PDF can still carry script.
    return reply
      .header('content-type', found.file.type)
      .header('content-disposition', `attachment; filename="${found.file.name.replace(/["\\]/g, '_')}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(found.bytes);
  });

  app.get('/staff/form-deliveries', { config: manage }, async (request, reply) => {
    const { page } = Page.parse(request.query);
    const { rows, total } = await staff.failedDeliveries(page);
    return reply.render('forms-staff/failed-deliveries.njk', {
      rows,
      stuckAfterHours: STUCK_AFTER_HOURS,
      showing: showing(page, total, PAGE_SIZE, 'failed deliveries'),
      pagination: pagination(page, total, PAGE_SIZE, (n) => `/staff/form-deliveries?page=${n}`),
    });
  });

  app.post('/staff/form-deliveries/:id/retry', { config: manage }, async (request, reply) => {
    const { id } = paramsOf(IdParams, request.params);
    const retried = await staff.retryDelivery(id, actorOf(request));
    request.session.flash = retried ? 'The delivery will be tried again' : 'That delivery is no longer in the failed list';
    return reply.redirect('/staff/form-deliveries', 303);
  });
}

/** Route parameters as this site's links make them; anything else is a page that does not exist. */
function paramsOf<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpProblem(404, 'Page not found');
  return parsed.data;
}

/** The summary lists every problem; the field shows the first of its own (platform `pageErrors` keeps the last). */
function pageErrors(errors: ErrorItem[]): ReturnType<FormErrors['view']> {
  const form = new FormErrors();
  for (const e of errors) form.add(e.href.slice(1), e.text);
  return form.view();
}
