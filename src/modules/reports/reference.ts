import { randomInt } from 'node:crypto';

/**
 * Report references, read out over the phone and typed back in: "K7QD-M2X9". The forms module has
 * the same idea for its submissions but does not export it yet; reports use eight characters
 * (seven random and a check character) where forms use nine, so the two can never be mistaken
 * for each other. No 0/O, 1/I/L, U or V. 29 characters, a prime, so the check is arithmetic mod 29.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const N = REFERENCE_ALPHABET.length;
const BODY_LENGTH = 7;

/**
 * x∘y = 2x + y (mod 29) is a totally anti-symmetric quasigroup, so Damm's check over it catches
 * every single wrong character and every swap of neighbours.
 */
function interim(codes: number[]): number {
  return codes.reduce((r, c) => (2 * r + c) % N, 0);
}

function codesOf(text: string): number[] | null {
  const codes = [...text].map((ch) => REFERENCE_ALPHABET.indexOf(ch));
  return codes.every((c) => c >= 0) ? codes : null;
}

export function checkCharacter(body: string): string {
  const codes = codesOf(body);
  if (!codes) throw new Error(`"${body}" has characters outside the reference alphabet`);
  return REFERENCE_ALPHABET.charAt((N - ((2 * interim(codes)) % N)) % N);
}

export function newReportReference(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += REFERENCE_ALPHABET.charAt(random(N));
  return format(body + checkCharacter(body));
}

/** A reference as someone typed it ("k7qd m2x9") in its usual form, or null if it cannot be one. */
export function normaliseReportReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== BODY_LENGTH + 1) return null;
  const codes = codesOf(compact);
  if (!codes || interim(codes) !== 0) return null;
  return format(compact);
}

function format(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
