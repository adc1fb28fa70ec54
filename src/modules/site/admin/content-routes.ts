import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../../../platform/http/errors.ts';
import type { FieldError } from '../../../platform/http/forms.ts';
import { pagination, showing } from '../../../platform/http/pagination.ts';
import { CONTENT_TYPE_LABELS, CONTENT_TYPES, type ContentType } from '../contracts.ts';
import type { Site } from '../index.ts';
import { ContentNotFound, ContentRefused, parseDocument, type ContentItem, type ScheduleAction } from '../editorial/commands.ts';
import { CONTENT_STATUSES, LIST_PAGE_SIZE, listContent, STATUS_LABELS, type ContentStatus } from '../editorial/listing.ts';
import { londonInstant, readableDateTime, realDay, realTime } from '../editorial/london-time.ts';
import { problem } from '../editorial/problems.ts';
import { blankValues, documentFromForm, formValues, str, type FormValues } from '../editorial/text-form.ts';
import { renderContent } from '../web/render-page.ts';
import { canPublish, edit, editorOf, errorsView, IdParams, paramsOf, posted, publish } from './shared.ts';

const ListQuery = z.object({
  type: z.enum(CONTENT_TYPES).optional().catch(undefined),
  status: z.enum(CONTENT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
const TypeParams = z.object({ type: z.enum(CONTENT_TYPES) });
const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });
const PreviewQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined), section: z.string().max(100).optional().catch(undefined) });
const CompareQuery = z.object({ from: z.coerce.number().int().min(1).max(1_000_000).catch(1), to: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

/** Creating, editing, previewing, publishing and rolling back content. */
export async function contentRoutes(app: FastifyInstance, site: Site): Promise<void> {
  const { editorial } = site;
  const contentful = () => site.source.name === 'contentful';

  app.get('/staff/site', { config: edit }, async (request, reply) => {
    const { type, status, page } = ListQuery.parse(request.query);
    const { rows, total } = await listContent(site.services.db, { type, status, page });
    const query = (n: number) => `/staff/site?${new URLSearchParams({ ...(type && { type }), ...(status && { status }), page: String(n) }).toString()}`;
    return reply.render('admin/list.njk', {
      rows: rows.map((r) => ({ ...r, typeLabel: CONTENT_TYPE_LABELS[r.type], statusLabel: STATUS_LABELS[r.status], statusColour: STATUS_COLOURS[r.status] })),
      typeItems: [{ value: '', text: 'All types' }, ...CONTENT_TYPES.map((t) => ({ value: t, text: CONTENT_TYPE_LABELS[t], selected: t === type }))],
      statusItems: [{ value: '', text: 'Any status' }, ...CONTENT_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: s === status }))],
      showing: showing(page, total, LIST_PAGE_SIZE, 'items'),
      pagination: pagination(page, total, LIST_PAGE_SIZE, query),
      contentful: contentful(),
      canPublish: canPublish(request),
    });
  });

  app.get('/staff/site/new', { config: edit }, async (_request, reply) => {
    if (contentful()) return reply.render('admin/contentful.njk');
    return reply.render('admin/new.njk', { typeItems: typeItems() });
  });

  app.post('/staff/site/new', { config: edit }, async (request, reply) => {
    const type = str(posted(request.body), 'type');
    const parsed = z.enum(CONTENT_TYPES).safeParse(type);
    if (!parsed.success) return reply.code(400).render('admin/new.njk', { typeItems: typeItems(), ...errorsView([problem('type', 'Select what you want to make')]) });
    return reply.redirect(`/staff/site/new/${parsed.data}`, 303);
  });

  app.get('/staff/site/new/:type', { config: edit }, async (request, reply) => {
    const { type } = paramsOf(TypeParams, request.params);
    if (contentful()) return reply.render('admin/contentful.njk');
    return renderEdit(reply, { type, values: blankValues(type) });
  });

  app.post('/staff/site/new/:type', { config: edit }, async (request, reply) => {
    const { type } = paramsOf(TypeParams, request.params);
    if (contentful()) return reply.code(403).render('admin/contentful.njk');
    const values = posted(request.body);
    return save(request, reply, { type, values });
  });

  app.get('/staff/site/content/:id', { config: edit }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    return renderItem(request, reply, item);
  });

  app.get('/staff/site/content/:id/edit', { config: edit }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    if (contentful()) return reply.render('admin/contentful.njk');
    return renderEdit(reply, { type: item.type, item, values: { ...formValues(item.document), baseVersion: String(item.latestVersion) } });
  });

  app.post('/staff/site/content/:id/edit', { config: edit }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    if (contentful()) return reply.code(403).render('admin/contentful.njk');
    return save(request, reply, { type: item.type, item, values: posted(request.body) });
  });

  app.get('/staff/site/content/:id/preview', { config: edit }, async (request, reply) => {
    const { id } = paramsOf(IdParams, request.params);
    const { version, section } = PreviewQuery.parse(request.query);
    const item = await found(id);
    const record = await editorial.version(id, version ?? item.latestVersion);
    if (!record) throw new HttpProblem(404, 'Page not found');
    reply.header('x-robots-tag', 'noindex');
    return renderContent(reply, site, { id, version: record.version, document: record.document }, { preview: true, section });
  });

  app.post('/staff/site/content/:id/publish', { config: publish }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    return act(request, reply, item, async () => {
      const { version } = await editorial.publish(item.id, editorOf(request));
      return `Version ${version} is published`;
    });
  });

  app.post('/staff/site/content/:id/unpublish', { config: publish }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    return act(request, reply, item, async () => {
      await editorial.unpublish(item.id, editorOf(request));
      return item.type === 'alert' ? 'The alert is no longer shown' : 'The page is no longer on the website';
    });
  });

  app.post('/staff/site/content/:id/schedule', { config: publish }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    const values = posted(request.body);
    const action: ScheduleAction = str(values, 'action') === 'unpublish' ? 'unpublish' : 'publish';
    const name = `${action}At`;
    return act(request, reply, item, async () => {
      const runAt = scheduleTime(values, name, action);
      const schedule = await editorial.schedule(item.id, action, runAt, editorOf(request));
      return `${action === 'publish' ? `Version ${schedule.version ?? ''} will be published` : 'The page will be unpublished'} on ${readableDateTime(schedule.runAt)}`;
    }, values);
  });

  app.post('/staff/site/content/:id/schedule/cancel', { config: publish }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    const action: ScheduleAction = str(posted(request.body), 'action') === 'unpublish' ? 'unpublish' : 'publish';
    await editorial.cancelSchedule(item.id, action, editorOf(request));
    request.session.flash = action === 'publish' ? 'Scheduled publishing is cancelled' : 'Scheduled unpublishing is cancelled';
    return reply.redirect(`/staff/site/content/${item.id}`, 303);
  });

  app.get('/staff/site/content/:id/history', { config: edit }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    const versions = await editorial.history(item.id);
    return reply.render('admin/history.njk', { item, versions, canPublish: canPublish(request), contentful: contentful() });
  });

  app.get('/staff/site/content/:id/compare', { config: edit }, async (request, reply) => {
    const item = await found(paramsOf(IdParams, request.params).id);
    const { from, to } = CompareQuery.parse(request.query);
    const changes = await editorial.diff(item.id, Math.min(from, to), Math.max(from, to));
    if (!changes) throw new HttpProblem(404, 'Page not found');
    return reply.render('admin/compare.njk', { item, from: Math.min(from, to), to: Math.max(from, to), changes });
  });

  app.post('/staff/site/content/:id/versions/:version/rollback', { config: edit }, async (request, reply) => {
    const { id, version } = paramsOf(VersionParams, request.params);
    const item = await found(id);
    if (contentful()) return reply.code(403).render('admin/contentful.njk');
    const andPublish = str(posted(request.body), 'publish') === 'yes';
    if (andPublish && !canPublish(request)) throw new HttpProblem(403, 'You do not have permission to publish');
    return act(request, reply, item, async () => {
      const done = await editorial.rollback(id, version, editorOf(request), { publish: andPublish });
      return `The content of version ${version} is now version ${done.version}${done.published ? ', and it is published' : '. Publish it when you are ready'}`;
    });
  });

  app.get('/staff/site/links', { config: edit }, async (_request, reply) => {
    const rows = await editorial.brokenLinkReport();
    return reply.render('admin/links.njk', { rows: rows.map((r) => ({ ...r, typeLabel: CONTENT_TYPE_LABELS[r.type] })) });
  });

  async function found(id: string): Promise<ContentItem> {
    const item = await editorial.item(id);
    if (!item) throw new HttpProblem(404, 'Page not found');
    return item;
  }

  async function save(request: FastifyRequest, reply: FastifyReply, page: { type: ContentType; item?: ContentItem; values: FormValues }): Promise<FastifyReply> {
    const { type, item, values } = page;
    const { document, problems } = documentFromForm(type, values);
    // Also check the model now, so the editor sees every problem at once rather than one round at a time.
    try {
      parseDocument(document);
    } catch (error) {
      if (!(error instanceof ContentRefused)) throw error;
      // A date's own problem (on its day box or time) already covers the model's complaint about it.
      const field = (href: string) => href.replace(/(-day|Time)$/, '');
      const fields = new Set(problems.map((p) => field(p.href)));
      problems.push(...error.problems.filter((p) => !fields.has(field(p.href))));
    }
    if (problems.length === 0) {
      try {
        const baseVersion = item ? Number(str(values, 'baseVersion')) || undefined : undefined;
        const saved = await editorial.saveDraft({ id: item?.id, baseVersion: item ? (baseVersion ?? -1) : undefined, document, note: str(values, 'note').trim() }, editorOf(request));
        request.session.flash = `Version ${saved.version} is saved as a draft`;
        return reply.redirect(`/staff/site/content/${saved.id}`, 303);
      } catch (error) {
        if (!(error instanceof ContentRefused)) throw error;
        problems.push(...error.problems);
      }
    }
    return renderEdit(reply.code(400), { type, item, values, problems });
  }

  async function renderEdit(reply: FastifyReply, page: { type: ContentType; item?: ContentItem; values: FormValues; problems?: FieldError[] }): Promise<FastifyReply> {
    const titles = await editorial.topicTitles();
    if (page.item) titles.delete(page.item.id);
    const chosen = (field: string) => new Set([page.values[field]].flat());
    const topicItems = (field: string) => [...titles].map(([value, text]) => ({ value, text, checked: chosen(field).has(value) }));
    return reply.render('admin/edit.njk', {
      type: page.type,
      typeLabel: CONTENT_TYPE_LABELS[page.type],
      item: page.item,
      values: page.values,
      topicItems: topicItems('topicIds'),
      featuredTopicItems: topicItems('featuredTopicIds'),
      parentItems: [{ value: '', text: 'None: it sits under the home page' }, ...[...titles].map(([value, text]) => ({ value, text, selected: page.values.parentId === value }))],
      action: page.item ? `/staff/site/content/${page.item.id}/edit` : `/staff/site/new/${page.type}`,
      ...errorsView(page.problems ?? []),
    });
  }

  async function renderItem(request: FastifyRequest, reply: FastifyReply, item: ContentItem, page: { problems?: FieldError[]; values?: FormValues } = {}): Promise<FastifyReply> {
    const status: ContentStatus = item.schedules.some((s) => s.action === 'publish') ? 'scheduled' : item.publishedVersion === null ? 'draft' : item.publishedVersion === item.latestVersion ? 'published' : 'changed';
    const live = item.publishedVersion === null ? undefined : await editorial.version(item.id, item.publishedVersion);
    return reply.render('admin/item.njk', {
      item,
      typeLabel: CONTENT_TYPE_LABELS[item.type],
      statusLabel: STATUS_LABELS[status],
      statusColour: STATUS_COLOURS[status],
      live,
      schedules: item.schedules.map((s) => ({ ...s, when: readableDateTime(s.runAt) })),
      canPublish: canPublish(request),
      contentful: contentful(),
      values: page.values ?? {},
      ...errorsView(page.problems ?? []),
    });
  }

  /** Runs a publishing action; refusals come back on the item's page in the error summary. */
  async function act(request: FastifyRequest, reply: FastifyReply, item: ContentItem, work: () => Promise<string>, values?: FormValues): Promise<FastifyReply> {
    try {
      request.session.flash = await work();
      return reply.redirect(`/staff/site/content/${item.id}`, 303);
    } catch (error) {
      if (error instanceof ContentNotFound) throw new HttpProblem(404, 'Page not found');
      if (!(error instanceof ContentRefused)) throw error;
      const fresh = (await editorial.item(item.id)) ?? item;
      return renderItem(request, reply.code(400), fresh, { problems: error.problems, values });
    }
  }
}

const STATUS_COLOURS: Record<ContentStatus, string> = { draft: 'govuk-tag--grey', published: 'govuk-tag--green', changed: 'govuk-tag--yellow', scheduled: 'govuk-tag--blue' };

function typeItems(): { value: string; text: string }[] {
  return CONTENT_TYPES.map((t) => ({ value: t, text: CONTENT_TYPE_LABELS[t] }));
}

/** The date and time boxes of a schedule form, as an instant; problems as the error summary shows them. */
function scheduleTime(values: FormValues, name: string, action: ScheduleAction): Date {
  const day = realDay(str(values, `${name}-day`), str(values, `${name}-month`), str(values, `${name}-year`));
  const time = realTime(str(values, `${name}Time`));
  const problems: FieldError[] = [];
  if (!day) problems.push(problem(`${name}-day`, `Enter a real date to ${action} on`));
  if (!time) problems.push(problem(`${name}Time`, 'Enter a real time, like 9:30am or 14:30'));
  if (!day || !time) throw new ContentRefused(problems);
  return londonInstant(day, time);
}
