import sharp from 'sharp';
import { checkUpload, MEGABYTE, type Upload } from '../../../platform/files/index.ts';

export const MAX_PHOTOS = 3;
export const PHOTO_KINDS = ['jpg', 'png', 'webp'] as const;
const MAX_BYTES = 10 * MEGABYTE;
/** Big enough for staff to see the problem; a phone's 12-megapixel photo is four times this. */
const LONGEST_SIDE = 1600;

export type CleanedPhoto = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * A resident's photo, made safe to keep and to show: its type read from its content, its size
 * limited, turned the right way up, made smaller, and re-encoded as a new JPEG. sharp writes no
 * metadata unless asked, so the camera's EXIF (the GPS position of someone's home, the phone's
 * serial number) is not carried over.
 */
export async function cleanPhoto(upload: Upload): Promise<CleanedPhoto> {
  const checked = await checkUpload(upload, { kinds: PHOTO_KINDS, maxBytes: MAX_BYTES });
  if (!checked.ok) return { ok: false, message: checked.message };
  try {
    const bytes = await sharp(upload.bytes, { failOn: 'error', limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { ok: true, bytes };
  } catch {
    return { ok: false, message: 'The selected file could not be read as a photo. Try a different file' };
  }
}
