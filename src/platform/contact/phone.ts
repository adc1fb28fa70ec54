/**
 * UK telephone numbers as people type them: "01632 960 001", "07700 900982", "+44 (0)808 157 0192",
 * "0044 7700 900982". Stored in E.164 ("+447700900982"), which GOV.UK Notify accepts for text messages.
 */
export function normaliseUkPhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  // "+44 (0)1632…" is common on letterheads: the bracketed 0 goes once the brackets are gone.
  const national = /^(?:\+44|0044)0?(\d+)$/.exec(compact)?.[1] ?? /^0(\d+)$/.exec(compact)?.[1];
  if (national === undefined) return null;
  // UK numbers after the leading 0 are 10 digits (9 for a few 01 areas and 0800 numbers) and never start 0, 4 or 6.
  if (!/^(?:[1235789]\d{9}|[18]\d{8})$/.test(national)) return null;
  return `+44${national}`;
}

/** Mobiles are 07 numbers, less 070 (personal numbers) and 076 (pagers). */
export function isUkMobile(e164: string | null | undefined): boolean {
  return typeof e164 === 'string' && /^\+447[1-57-9]\d{8}$/.test(e164);
}

/** A stored number as people write it: "07700 900982", "020 7946 0000", "0161 496 0000", "01632 960001". */
export function formatUkPhone(e164: string): string {
  if (!e164.startsWith('+44')) return e164;
  const n = `0${e164.slice(3)}`;
  if (n.length !== 11) return n;
  if (/^02/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (/^0(1\d1|11\d|[389])/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  return `${n.slice(0, 5)} ${n.slice(5)}`;
}
