import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ColumnType } from 'kysely';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/index.ts';
import type { Db, Executor } from '../db/database.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { cleanUpFiles, fileCleanupJob, type CleanupSummary, type FileKeeper } from './cleanup.ts';
import { FILE_KINDS, kindList, sniffKind, type FileKind } from './sniff.ts';
import { LocalDiskStorage, type FileStorage } from './storage.ts';

export { FILE_KINDS, isFileKind, kindList, type FileKind } from './sniff.ts';
export { LocalDiskStorage, type FileStorage } from './storage.ts';
export { CLEANUP_GRACE_MS, FILE_CLEANUP_JOB, type CleanupSummary, type FileKeeper } from './cleanup.ts';

interface FilesTable {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  purpose: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A file as the browser sent it: `truncated` when it went past the size limit on the way in. */
export interface Upload {
  name: string;
  bytes: Buffer;
  truncated: boolean;
}

export interface UploadRules {
  kinds: readonly FileKind[];
  maxBytes: number;
}

export interface StoredFile {
  id: string;
  name: string;
  type: string;
  size: number;
}

/** Why an upload was refused, with the GOV.UK message for it. */
export type UploadCheck = { ok: true; kind: FileKind } | { ok: false; problem: 'empty' | 'too-large' | 'wrong-type'; message: string };

export const MEGABYTE = 1024 * 1024;

/** "10MB", as GOV.UK writes sizes in messages. */
export function sizeLabel(bytes: number): string {
  return bytes >= MEGABYTE ? `${Math.round((bytes / MEGABYTE) * 10) / 10}MB` : `${Math.ceil(bytes / 1024)}KB`;
}

/** Checks an upload against the rules: GOV.UK's wording for each problem (design system, file upload). */
export async function checkUpload(upload: Upload, rules: UploadRules): Promise<UploadCheck> {
  if (upload.bytes.length === 0 && !upload.truncated) return { ok: false, problem: 'empty', message: 'The selected file is empty' };
  if (upload.truncated || upload.bytes.length > rules.maxBytes) {
    return { ok: false, problem: 'too-large', message: `The selected file must be smaller than ${sizeLabel(rules.maxBytes)}` };
  }
  const kind = await sniffKind(upload.bytes, rules.kinds);
  if (!kind) return { ok: false, problem: 'wrong-type', message: `The selected file must be a ${kindList(rules.kinds)}` };
  return { ok: true, kind };
}

/** Uploaded files: bytes in storage, what we know about them in the `files` table. */
export class Files {
  private readonly keepers = new Map<string, FileKeeper>();

  constructor(
    private readonly db: Db,
    readonly storage: FileStorage,
  ) {}

  static local(db: Db, dataDir: string): Files {
    return new Files(db, new LocalDiskStorage(path.join(dataDir, 'files')));
  }

  private tables(executor: Executor) {
    return executor.withTables<{ files: FilesTable }>();
  }

  /**
   * Keeps a checked upload. The bytes are written first: if the caller's transaction then rolls
   * back, an unlisted file is left on disk, which is harmless, rather than a listed file missing.
   */
  async save(executor: Executor, upload: Upload, kind: FileKind, purpose: string): Promise<StoredFile> {
    const id = randomUUID();
    await this.storage.put(id, upload.bytes);
    const file = { id, name: displayName(upload.name), type: FILE_KINDS[kind].mime, size: upload.bytes.length };
    await this.tables(executor)
      .insertInto('files')
      .values({ id, name: file.name, content_type: file.type, size_bytes: file.size, sha256: createHash('sha256').update(upload.bytes).digest('hex'), purpose })
      .execute();
    return file;
  }

  async find(id: string): Promise<StoredFile | null> {
    const row = await this.tables(this.db).selectFrom('files').select(['id', 'name', 'content_type', 'size_bytes']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, name: row.name, type: row.content_type, size: row.size_bytes } : null;
  }

  /** The file and its bytes, or null if either is gone. */
  async read(id: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
    const file = await this.find(id);
    const bytes = file ? await this.storage.get(id) : null;
    return file && bytes ? { file, bytes } : null;
  }

  /** Forgets the files; the bytes go once the caller's transaction has committed the change. */
  async remove(executor: Executor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.tables(executor).deleteFrom('files').where('id', 'in', ids).execute();
  }

  /**
   * A module that keeps uploads says which it still uses, so the nightly clean-up deletes the rest
   * (uploads in journeys never sent). Call from the module's setUp.
   */
  addKeeper(name: string, keeper: FileKeeper): void {
    if (this.keepers.has(name)) throw new Error(`A file keeper called ${name} is already registered`);
    this.keepers.set(name, keeper);
  }

  /** Deletes uploads older than a day that no keeper claims (see cleanup.ts). */
  cleanUp(deps: { audit: AuditLog; log: Logger }, now = new Date()): Promise<CleanupSummary> {
    return cleanUpFiles({ db: this.db, storage: this.storage, keepers: this.keepers, ...deps }, now);
  }

  /** The nightly `files.cleanup` job, for the job queue. */
  cleanupJob(deps: { audit: AuditLog; log: Logger }): JobDefinition<object> {
    return fileCleanupJob(() => this.cleanUp(deps));
  }

  /** Deletes the bytes of files no longer listed. Call after the transaction that removed them commits. */
  async purge(ids: string[]): Promise<void> {
    for (const id of ids) {
      const listed = await this.tables(this.db).selectFrom('files').select('id').where('id', '=', id).executeTakeFirst();
      if (!listed) await this.storage.remove(id);
    }
  }
}

/** The last part of the name a browser sent, without control characters, kept short. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'file';
}
