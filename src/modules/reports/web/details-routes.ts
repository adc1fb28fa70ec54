import type { FastifyInstance } from 'fastify';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { pageErrors, type FieldError } from '../../../platform/http/forms.ts';
import { postedUploads } from '../../../platform/files/multipart.ts';
import type { Services } from '../../../platform/services.ts';
// The forms engine's own reading and checking of a page's fields, so a category's questions behave as in any form.
import { fieldViews, formsEngine, readFields, type FieldView, type FormField } from '../../forms/index.ts';
import { assess } from '../categories/assessment.ts';
import type { ReportCategory } from '../categories/catalogue.ts';
import type { ReportsCore } from '../core.ts';
import { MAX_DESCRIPTION } from '../pipeline/input.ts';
import { draftOf, keepDraft, toStart, type ReportDraft } from './draft.ts';
import { cleanPhoto, MAX_PHOTOS } from './photos.ts';

const open = { access: 'public' } as const;

function posted(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value : '';
}

/** "If it is an emergency, call … now", when the answers make the problem dangerous. */
export function emergencyFor(category: ReportCategory | undefined, draft: Pick<ReportDraft, 'answers'>): string | null {
  if (!category?.emergencyPhone || !draft.answers) return null;
  return assess(category, draft.answers).dangerous ? category.emergencyPhone : null;
}

/** The middle of "Report it": the category's questions and a description, then photos. */
export async function detailsRoutes(app: FastifyInstance, services: Services, core: ReportsCore): Promise<void> {
  const questionsOf = async (category: ReportCategory): Promise<FormField[]> => {
    const form = await formsEngine(services).registry.latest(category.formId);
    return form ? form.pages.flatMap((p) => p.questions) : [];
  };
  const detailsPage = (category: ReportCategory, views: FieldView[], description: string, errors: ErrorItem[]) => {
    const { fieldErrors } = pageErrors(errors);
    return { category, fields: views, description, errors, fieldErrors, maxDescription: MAX_DESCRIPTION };
  };

  app.get('/report/details', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    const category = draft && (await core.categories.get(draft.categoryCode));
    if (!draft?.place || !category) return toStart(reply);
    const views = fieldViews(formsEngine(services), await questionsOf(category), draft.answers ?? {}, { asHeading: false });
    return reply.render('reports/details.njk', detailsPage(category, views, draft.description ?? '', []));
  });

  app.post('/report/details', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    const category = draft && (await core.categories.get(draft.categoryCode));
    if (!draft?.place || !category) return toStart(reply);
    const body = typeof request.body === 'object' && request.body !== null ? { ...request.body } : {};
    const outcome = await readFields(formsEngine(services), await questionsOf(category), {}, body, { asHeading: false });
    const description = posted(body, 'description').replace(/\r\n?/g, '\n').trim();
    const errors: FieldError[] = outcome.kind === 'show' ? [...outcome.errors] : [];
    if (!description) errors.push({ href: '#description', text: 'Describe the problem' });
    else if (description.length > MAX_DESCRIPTION) errors.push({ href: '#description', text: `The description must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or less` });
    if (errors.length) {
      const views = outcome.kind === 'show' ? outcome.views : fieldViews(formsEngine(services), await questionsOf(category), outcome.answers, { asHeading: false });
      return reply.code(400).render('reports/details.njk', detailsPage(category, views, description, errors));
    }
    keepDraft(request, { ...draft, answers: outcome.answers, description });
    return reply.redirect('/report/photos', 303);
  });

  const photosPage = (category: ReportCategory, draft: ReportDraft, errors: FieldError[]) => ({
    category,
    photos: draft.photos,
    canAddMore: draft.photos.length < MAX_PHOTOS,
    maxPhotos: MAX_PHOTOS,
    emergencyPhone: emergencyFor(category, draft),
    ...pageErrors(errors),
  });

  app.get('/report/photos', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    const category = draft && (await core.categories.get(draft.categoryCode));
    if (!draft?.answers || !category) return toStart(reply);
    return reply.render('reports/photos.njk', photosPage(category, draft, []));
  });

  app.post('/report/photos', { config: open }, async (request, reply) => {
    const draft = draftOf(request);
    const category = draft && (await core.categories.get(draft.categoryCode));
    if (!draft?.answers || !category) return toStart(reply);
    const removed = posted(request.body, 'remove');
    if (removed) {
      keepDraft(request, { ...draft, photos: draft.photos.filter((p) => p.fileId !== removed) });
      return reply.redirect('/report/photos', 303);
    }
    const uploads = postedUploads(request.body, 'photo');
    const errors: FieldError[] = [];
    let photos = draft.photos;
    if (uploads.length > MAX_PHOTOS - photos.length) errors.push({ href: '#photo', text: `You can add up to ${MAX_PHOTOS} photos` });
    else {
      for (const upload of uploads) {
        const cleaned = await cleanPhoto(upload);
        if (!cleaned.ok) {
          errors.push({ href: '#photo', text: cleaned.message });
          continue;
        }
        const stored = await services.files.save(services.db, { name: upload.name, bytes: cleaned.bytes, truncated: false }, 'jpg', 'reports');
        photos = [...photos, { fileId: stored.id, name: stored.name, size: stored.size }];
      }
    }
    const next = { ...draft, photos };
    keepDraft(request, next);
    if (errors.length) return reply.code(400).render('reports/photos.njk', photosPage(category, next, errors));
    if (posted(request.body, 'action') === 'upload') return reply.redirect('/report/photos', 303);
    return reply.redirect('/report/about-you', 303);
  });
}
