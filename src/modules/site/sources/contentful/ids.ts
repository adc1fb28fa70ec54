import { createHash } from 'node:crypto';

/** Fixed namespace for Contentful ids (a random UUID chosen once): the same entry always gets the same UUID. */
const NAMESPACE = Buffer.from('5b0a8c1e4f7d4b2a9c3e6d8f1a2b3c4d', 'hex');

/** Our content id for a Contentful entry: a name-based (version 5) UUID, so ids survive a fresh initial sync. */
export function contentIdOf(entryId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(entryId, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
