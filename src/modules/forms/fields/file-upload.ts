import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { checkUpload, FILE_KINDS, kindList, MEGABYTE, sizeLabel, type FileKind, type Files, type Upload } from '../../../platform/files/index.ts';
import { postedUploads } from '../../../platform/files/multipart.ts';
import type { FileAnswer } from '../contracts.ts';
import { isRecord } from './json.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm, type ViewOptions } from './types.ts';

/** Where a file upload field keeps the files it is given (platform file storage). */
export interface FileUploads {
  save(upload: Upload, kind: FileKind): Promise<FileAnswer>;
}

export function fileUploads(files: Files, db: Parameters<Files['save']>[0]): FileUploads {
  return {
    async save(upload, kind) {
      const stored = await files.save(db, upload, kind, 'forms');
      return { fileId: stored.id, name: stored.name, type: stored.type, size: stored.size };
    },
  };
}

const kind = z.enum(['jpg', 'png', 'webp', 'heic', 'pdf']);
const schema = z.strictObject({
  type: z.literal('file-upload'),
  ...questionShape,
  /** The kinds of file taken, checked from their content; JPG, PNG and PDF unless given. */
  kinds: z.array(kind).min(1).optional(),
  /** The largest file taken, in MB (at most 10, the platform's limit). */
  maxSizeMb: z.number().positive().max(10).optional(),
  /** How many files the question takes in all. */
  maxFiles: z.number().int().min(1).max(10).optional(),
});
type FileUploadDefinition = z.infer<typeof schema>;

const DEFAULT_KINDS: FileKind[] = ['jpg', 'png', 'pdf'];

/**
 * Files as evidence (a photo of the problem, a letter), without JavaScript: the page's form posts
 * as multipart. "Upload file" keeps the file and shows the page again with the files so far, each
 * with a Remove button; Continue takes them, and any file still chosen.
 */
export class FileUploadField extends Question<FileUploadDefinition, FileAnswer[], FileAnswer[]> {
  get kinds(): FileKind[] {
    return this.definition.kinds ?? DEFAULT_KINDS;
  }

  get maxBytes(): number {
    return (this.definition.maxSizeMb ?? 10) * MEGABYTE;
  }

  get maxFiles(): number {
    return this.definition.maxFiles ?? 1;
  }

  /** The Upload file button; Remove buttons post this field's name with "-remove". */
  get uploadAction(): string {
    return `${this.name}-upload`;
  }

  answer(value: unknown): FileAnswer[] | undefined {
    return Array.isArray(value) && value.every(isFileAnswer) ? value : undefined;
  }

  protected override requiredMessage(): string {
    return `Select ${this.named}`;
  }

  protected async parse(body: PostedForm, context: FieldContext): Promise<Parsed<FileAnswer[], FileAnswer[]>> {
    let files = this.answer(context.answers[this.name]) ?? [];
    const removed = postedText(body, `${this.name}-remove`);
    if (removed) {
      files = files.filter((f) => f.fileId !== removed);
      return { raw: files, value: files.length ? files : undefined, stay: true };
    }
    const uploads = postedUploads(body, this.name);
    const errors: ErrorItem[] = [];
    if (uploads.length && !context.lookups.files) throw new Error('file-upload needs lookups.files (platform file storage)');
    const room = this.maxFiles === 1 ? 1 : this.maxFiles - files.length;
    if (uploads.length > room) {
      errors.push(this.problem('tooMany', this.maxFiles === 1 ? 'Select only one file' : `You can upload up to ${this.maxFiles} files`));
    } else {
      for (const upload of uploads) {
        const checked = await checkUpload(upload, { kinds: this.kinds, maxBytes: this.maxBytes });
        if (!checked.ok) {
          errors.push(this.problem(checked.problem, this.uploadMessage(checked.problem, checked.message, upload)));
          continue;
        }
        const saved = await context.lookups.files?.save(upload, checked.kind);
        // One file: a new one replaces the one before.
        if (saved) files = this.maxFiles === 1 ? [saved] : [...files, saved];
      }
    }
    const stay = postedText(body, 'action') === this.uploadAction && errors.length === 0;
    return { raw: files, value: files.length ? files : undefined, errors, stay };
  }

  /** With several files the message names the file, as GOV.UK advises ("photo.jpg must be smaller than 10MB"). */
  private uploadMessage(problem: 'empty' | 'too-large' | 'wrong-type', message: string, upload: Upload): string {
    if (this.maxFiles === 1) return message;
    if (problem === 'empty') return `${upload.name} is empty`;
    if (problem === 'too-large') return `${upload.name} must be smaller than ${sizeLabel(this.maxBytes)}`;
    return `${upload.name} must be a ${kindList(this.kinds)}`;
  }

  protected toRaw(value: FileAnswer[] | undefined): FileAnswer[] {
    return value ?? [];
  }

  protected render(files: FileAnswer[], errors: ErrorItem[], options: ViewOptions): FieldView {
    return {
      template: 'forms-staff/file-upload.njk',
      params: {
        // The page's form must post as multipart for this field's files to arrive.
        multipart: true,
        upload: {
          id: this.id,
          name: this.name,
          label: this.labelParams(options),
          hint: { text: this.definition.hint ?? `${kindList(this.kinds)}, smaller than ${sizeLabel(this.maxBytes)}${this.maxFiles > 1 ? `, up to ${this.maxFiles} files` : ''}` },
          errorMessage: this.errorMessage(errors),
          multiple: this.maxFiles > 1,
          attributes: { accept: this.kinds.flatMap((k) => acceptFor(k)).join(',') },
        },
        files: files.map((f) => ({ fileId: f.fileId, name: f.name, size: sizeLabel(f.size) })),
        removeName: `${this.name}-remove`,
        uploadAction: this.uploadAction,
        canAddMore: this.maxFiles === 1 || files.length < this.maxFiles,
      },
    };
  }

  protected summaryOf(files: FileAnswer[]): string[] {
    return files.map((f) => f.name);
  }
}

function acceptFor(kindName: FileKind): string[] {
  const extensions: Record<FileKind, string[]> = { jpg: ['.jpg', '.jpeg'], png: ['.png'], webp: ['.webp'], heic: ['.heic'], pdf: ['.pdf'] };
  return [...extensions[kindName], FILE_KINDS[kindName].mime];
}

/** A stored file answer, as it comes back from a session or the database. */
export function isFileAnswer(value: unknown): value is FileAnswer {
  return isRecord(value) && typeof value.fileId === 'string' && typeof value.name === 'string' && typeof value.type === 'string' && typeof value.size === 'number';
}

export const fileUploadField = fieldType('file-upload', schema, (definition) => new FileUploadField(definition));
