import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where file bytes live. Local disk today; an S3-compatible store can implement the same three calls. */
export interface FileStorage {
  put(id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when no file has that id. */
  get(id: string): Promise<Buffer | null>;
  remove(id: string): Promise<void>;
}

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Files under one folder, spread over sub-folders by the id's first two characters. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(id: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(id);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside the target then renamed, so a reader never sees half a file.
    const partial = `${target}.partial`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, target);
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(id));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  /** Ids are ours (random UUIDs); anything else is refused, so an id can never walk out of the folder. */
  private pathOf(id: string): string {
    if (!FILE_ID.test(id)) throw new Error(`Not a file id: ${JSON.stringify(id)}`);
    return path.join(this.root, id.slice(0, 2), id);
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
