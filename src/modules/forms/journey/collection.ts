import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorItem } from '../../../platform/http/render.ts';
import type { Answers } from '../contracts.ts';
import type { Form, FormPage } from '../definition/form.ts';
import { saveAndLeave } from '../drafts/save.ts';
import { fieldContext } from '../engine.ts';
import type { AddAnotherField } from '../fields/add-another.ts';
import { postedText } from '../fields/question.ts';
import { Journeys, urls } from './journeys.ts';
import { fieldViews, readFields } from './read-fields.ts';
import { bodyOf, canSave, changing } from './request.ts';
import { keepJourney, type JourneyState } from './state.ts';

const open = { access: 'public' } as const;
type ItemParams = { Params: { formId: string; pageId: string; item: string }; Querystring: { change?: string } };

/**
 * The pages of an add-another question: the list of items (the question's own page), a page per
 * item, and a page to confirm removing one. Items are kept as they are added; the question is
 * complete when the person says they have no more to add.
 */
export async function collectionRoutes(app: FastifyInstance, journeys: Journeys): Promise<void> {
  app.get<ItemParams>('/forms/:formId/:pageId/:item', { config: open }, async (request, reply) => {
    const at = await itemAt(journeys, request);
    if (!at.ok) return at.redirect ? reply.redirect(at.redirect, 303) : reply.callNotFound();
    const { state, field, items, index } = at;
    const answers = { ...state.answers, ...(items[index] ?? {}) };
    const views = fieldViews(journeys.engine, field.itemFields, answers, { asHeading: false });
    return reply.render('forms/item.njk', itemView(journeys, at, views, [], changing(request)));
  });

  app.post<ItemParams>('/forms/:formId/:pageId/:item', { config: open }, async (request, reply) => {
    const at = await itemAt(journeys, request);
    if (!at.ok) return at.redirect ? reply.redirect(at.redirect, 303) : reply.callNotFound();
    const { form, state, page, field, items, index } = at;
    const change = changing(request);
    const before = { ...state.answers, ...(items[index] ?? {}) };
    const outcome = await readFields(journeys.engine, field.itemFields, before, bodyOf(request), { asHeading: false });
    if (outcome.kind === 'show') return reply.code(outcome.errors.length ? 400 : 200).render('forms/item.njk', itemView(journeys, at, outcome.views, outcome.errors, change));
    const item: Answers = {};
    for (const f of field.itemFields) if (f.name && outcome.answers[f.name] !== undefined) item[f.name] = outcome.answers[f.name];
    const kept = [...items];
    kept[index] = item;
    keepJourney(request, form.id, { ...state, answers: { ...state.answers, [field.name]: kept } });
    return reply.redirect(urls(form).page(page, change), 303);
  });

  app.get<ItemParams>('/forms/:formId/:pageId/:item/remove', { config: open }, async (request, reply) => {
    const at = await itemAt(journeys, request, true);
    if (!at.ok) return at.redirect ? reply.redirect(at.redirect, 303) : reply.callNotFound();
    return reply.render('forms/remove.njk', removeView(at.form, at.page, at.field, at.items, at.index, [], changing(request)));
  });

  app.post<ItemParams>('/forms/:formId/:pageId/:item/remove', { config: open }, async (request, reply) => {
    const at = await itemAt(journeys, request, true);
    if (!at.ok) return at.redirect ? reply.redirect(at.redirect, 303) : reply.callNotFound();
    const { form, state, page, field, items, index } = at;
    const change = changing(request);
    const choice = postedText(bodyOf(request), 'removeItem');
    if (choice !== 'yes' && choice !== 'no') {
      const errors = [{ href: '#removeItem', text: `Select yes if you want to remove this ${field.itemName}` }];
      return reply.code(400).render('forms/remove.njk', removeView(form, page, field, items, index, errors, change));
    }
    if (choice === 'yes') {
      const kept = items.filter((_item, i) => i !== index);
      const answered = kept.length ? state.answered : state.answered.filter((id) => id !== page.id);
      keepJourney(request, form.id, { ...state, answers: { ...state.answers, [field.name]: kept }, answered });
    }
    return reply.redirect(urls(form).page(page, change), 303);
  });
}

/** The list page: straight to the first item while there is none. */
export async function showCollection(journeys: Journeys, request: FastifyRequest<{ Querystring: { change?: string } }>, reply: FastifyReply, form: Form, state: JourneyState, page: FormPage, field: AddAnotherField) {
  const items = field.answer(state.answers[field.name]) ?? [];
  const change = changing(request);
  if (items.length === 0) return reply.redirect(`${urls(form).page(page)}/1${change ? '?change=1' : ''}`, 303);
  keepJourney(request, form.id, state);
  return reply.render('forms/page.njk', collectionView(journeys, request, form, state, page, field, items, '', []));
}

export async function postCollection(journeys: Journeys, request: FastifyRequest<{ Querystring: { change?: string } }>, reply: FastifyReply, form: Form, state: JourneyState, page: FormPage, field: AddAnotherField) {
  const body = bodyOf(request);
  const items = field.answer(state.answers[field.name]) ?? [];
  if (postedText(body, 'action') === 'save' && canSave(request)) return saveAndLeave(journeys.engine, request, reply, form, state);
  const change = changing(request);
  let choice = postedText(body, 'addAnother');
  if (items.length >= field.maxItems) choice = 'no';
  if (choice === 'yes') return reply.redirect(`${urls(form).page(page)}/${items.length + 1}${change ? '?change=1' : ''}`, 303);
  const errors: ErrorItem[] =
    choice === 'no'
      ? (await field.validate(items, fieldContext(journeys.engine, state.answers))).map((e) => ({ href: `#${field.choiceId}`, text: e.text }))
      : [{ href: `#${field.choiceId}`, text: `Select yes if you need to add another ${field.itemName}` }];
  if (errors.length) return reply.code(400).render('forms/page.njk', collectionView(journeys, request, form, state, page, field, items, choice, errors));
  const next = { ...state, answered: [...new Set([...state.answered, page.id])] };
  keepJourney(request, form.id, next);
  return reply.redirect(journeys.nextAfter(form, next, page, change), 303);
}

function collectionView(journeys: Journeys, request: FastifyRequest<{ Querystring: { change?: string } }>, form: Form, state: JourneyState, page: FormPage, field: AddAnotherField, items: Answers[], choice: string, errors: ErrorItem[]) {
  const change = changing(request);
  const view = field.collectionView(items, choice, errors, urls(form).page(page), change ? '?change=1' : '');
  const heading = items.length === 1 ? `You have added 1 ${field.itemName}` : `You have added ${items.length} ${field.itemsName}`;
  return { ...journeys.pageView(form, page, state, [view], errors, { change, canSave: canSave(request) }), title: heading, page: { id: page.id, heading, questionIsHeading: false, isEnd: false, hasQuestions: true } };
}

type ItemAt =
  | { ok: true; form: Form; state: JourneyState; page: FormPage; field: AddAnotherField; items: Answers[]; index: number }
  | { ok: false; redirect?: string };

/** The item a URL names, if the person may be there: an existing item, or the next new one. */
async function itemAt(journeys: Journeys, request: FastifyRequest<ItemParams>, existingOnly = false): Promise<ItemAt> {
  const opened = await journeys.open(request, request.params.formId);
  const page = opened?.form.page(request.params.pageId);
  const field = page?.collection;
  if (!opened || !page || !field) return { ok: false };
  const { form, state } = opened;
  const elsewhere = journeys.redirectFor(form, state, page);
  if (elsewhere) return { ok: false, redirect: elsewhere };
  const items = field.answer(state.answers[field.name]) ?? [];
  const number = /^\d{1,3}$/.test(request.params.item) ? Number(request.params.item) : 0;
  const last = existingOnly ? items.length : Math.min(items.length + 1, field.maxItems);
  if (number < 1 || number > last) return { ok: false, redirect: urls(form).page(page) };
  return { ok: true, form, state, page, field, items, index: number - 1 };
}

function itemView(journeys: Journeys, at: Extract<ItemAt, { ok: true }>, views: unknown[], errors: ErrorItem[], change: boolean) {
  const { form, state, page, field, items, index } = at;
  const heading = index < items.length ? `Change ${field.itemName} ${index + 1}` : `Add ${items.length ? 'another' : `${article(field.itemName)}`} ${field.itemName}`;
  return {
    serviceName: form.title,
    title: heading,
    heading,
    caption: field.label,
    hint: field.definition.hint,
    fields: views,
    errors,
    action: `${urls(form).page(page)}/${index + 1}${change ? '?change=1' : ''}`,
    // Before the first item, Back leaves the question for the page before it.
    backHref: items.length ? urls(form).page(page, change) : journeys.backFrom(form, state, page, change),
  };
}

function removeView(form: Form, page: FormPage, field: AddAnotherField, items: Answers[], index: number, errors: ErrorItem[], change: boolean) {
  const item = items[index] ?? {};
  return {
    serviceName: form.title,
    title: `Are you sure you want to remove ${field.itemName} ${index + 1}?`,
    itemTitle: field.itemTitle(item),
    errors,
    action: `${urls(form).page(page)}/${index + 1}/remove${change ? '?change=1' : ''}`,
    backHref: urls(form).page(page, change),
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
