import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem } from '../../../platform/http/errors.ts';
import { FormErrors, type FieldError } from '../../../platform/http/forms.ts';
import { SITE_PERMISSIONS } from '../contracts.ts';
import type { Editor } from '../editorial/commands.ts';
import type { FormValues } from '../editorial/text-form.ts';

export const edit = { access: { permission: SITE_PERMISSIONS.edit } } as const;
export const publish = { access: { permission: SITE_PERMISSIONS.publish } } as const;

export function editorOf(request: FastifyRequest): Editor {
  return { actorId: request.user?.id ?? null };
}

export function canPublish(request: FastifyRequest): boolean {
  return request.user?.permissions.has(SITE_PERMISSIONS.publish) ?? false;
}

/** Route parameters as this site's links make them; anything else is a page that does not exist. */
export function paramsOf<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpProblem(404, 'Page not found');
  return parsed.data;
}

export const IdParams = z.object({ id: z.uuid() });

/** Any posted form, as named values: editors' text can be long, but the body limit bounds it. */
export const PostedForm = z.record(z.string().max(200), z.union([z.string().max(200_000), z.array(z.string().max(200_000)).max(500)]));

export function posted(body: unknown): FormValues {
  // Uploaded files (multipart posts) are read separately, with postedUploads.
  const fields = typeof body === 'object' && body !== null ? Object.entries(body).filter(([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) : [];
  const parsed = PostedForm.safeParse(Object.fromEntries(fields));
  if (!parsed.success) throw new HttpProblem(400, 'What you sent could not be read', ['Go back and check what you entered.']);
  return Object.fromEntries(Object.entries(parsed.data).filter(([name]) => name !== '_csrf'));
}

/** The summary lists every problem; each field shows the first of its own. */
export function errorsView(problems: FieldError[]): ReturnType<FormErrors['view']> {
  const form = new FormErrors();
  for (const p of problems) form.add(p.href.slice(1), p.text);
  const view = form.view();
  // A date input's message sits on the group (`startsAt`), while the summary links to its first box.
  for (const p of problems) {
    const field = p.href.slice(1).replace(/-day$/, '');
    view.fieldErrors[field] ??= { text: p.text };
  }
  return view;
}
