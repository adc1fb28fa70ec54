import { fileTypeFromBuffer } from 'file-type';

/** The kinds of file Lastmile accepts, as people know them, with the type their content must have. */
export const FILE_KINDS = {
  jpg: { label: 'JPG', mime: 'image/jpeg' },
  png: { label: 'PNG', mime: 'image/png' },
  webp: { label: 'WEBP', mime: 'image/webp' },
  heic: { label: 'HEIC', mime: 'image/heic' },
  pdf: { label: 'PDF', mime: 'application/pdf' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export function isFileKind(value: string): value is FileKind {
  return Object.hasOwn(FILE_KINDS, value);
}

/**
 * Which of the allowed kinds the bytes really are, read from the content (magic numbers), never
 * from the name or the browser's type: a program renamed to photo.jpg is not a JPG.
 */
export async function sniffKind(bytes: Uint8Array, allowed: readonly FileKind[]): Promise<FileKind | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return undefined;
  return allowed.find((kind) => FILE_KINDS[kind].mime === found.mime);
}

/** "JPG, PNG or PDF", for GOV.UK's "The selected file must be a …". */
export function kindList(kinds: readonly FileKind[]): string {
  const labels = kinds.map((k) => FILE_KINDS[k].label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1) ?? ''}`;
}
