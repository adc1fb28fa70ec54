import fp from 'fastify-plugin';
import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { displayName, MEGABYTE, type Upload } from './index.ts';

export interface UploadLimits {
  /** The largest file any form on these routes takes; bigger ones arrive cut short and marked `truncated`. */
  maxFileBytes: number;
  /** Files in one request; more is refused whole (413). */
  maxFiles: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 10 * MEGABYTE, maxFiles: 5 };

/**
 * Lets the routes of the scope it is registered in take `multipart/form-data` (forms with file
 * inputs, without JavaScript). The body is parsed before the CSRF check, so it looks like any
 * posted form: each field a string (or a list when repeated), each chosen file an `Upload`.
 * Files are held in memory, so the limits bound what one request can cost.
 */
export const uploadsPlugin = fp<Partial<UploadLimits>>(async (app, options) => {
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...options };
  await app.register(multipart, {
    attachFieldsToBody: true,
    // Too large is a validation error on the page ("must be smaller than 10MB"), not a 413.
    throwFileSizeLimit: false,
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 200, fieldSize: MEGABYTE, parts: 250 },
    onFile: async (part) => {
      await part.toBuffer();
    },
  });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await flatten(request.body);
  });
});

async function flatten(body: unknown): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [name, entry] of Object.entries(body)) {
    const values: unknown[] = [];
    for (const part of Array.isArray(entry) ? entry : [entry]) {
      if (!isPart(part)) continue;
      if (part.type === 'field') values.push(part.value);
      else if (part.filename !== '') values.push(await uploadFrom(part));
    }
    if (values.length) out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}

async function uploadFrom(part: MultipartFile): Promise<Upload> {
  return { name: displayName(part.filename), bytes: await part.toBuffer(), truncated: part.file.truncated };
}

function isPart(value: unknown): value is Multipart {
  return typeof value === 'object' && value !== null && 'type' in value && (value.type === 'field' || value.type === 'file');
}

/** The uploads posted under a name: none, one, or several from a `multiple` input. */
export function postedUploads(body: unknown, name: string): Upload[] {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, name)) return [];
  const value: unknown = Reflect.get(body, name);
  return (Array.isArray(value) ? value : [value]).filter(isUpload);
}

export function isUpload(value: unknown): value is Upload {
  return typeof value === 'object' && value !== null && 'bytes' in value && Buffer.isBuffer(value.bytes) && 'name' in value && typeof value.name === 'string' && 'truncated' in value && typeof value.truncated === 'boolean';
}

/** Whether this request is a multipart form post (for routes that also take ordinary forms). */
export function isMultipartRequest(request: FastifyRequest): boolean {
  return typeof request.isMultipart === 'function' && request.isMultipart();
}
