import { randomInt } from 'node:crypto';

/**
 * Reference numbers people read out over the phone and type back in: no 0/O, 1/I/L, U or V, so
 * no character is mistaken for another. 29 characters, a prime, so the check character can use
 * arithmetic modulo 29.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const N = REFERENCE_ALPHABET.length;

/**
 * Damm's check over the quasigroup x∘y = 2x + y (mod 29). Its rows and columns are permutations
 * and it is totally anti-symmetric (2 − 1 is invertible mod 29), so a wrong character or two
 * neighbours swapped always changes the result: every single substitution and every adjacent
 * transposition is detected.
 */
function interim(codes: number[]): number {
  return codes.reduce((r, c) => (2 * r + c) % N, 0);
}

function codesOf(text: string): number[] | null {
  const codes = [...text].map((ch) => REFERENCE_ALPHABET.indexOf(ch));
  return codes.every((c) => c >= 0) ? codes : null;
}

/** The character that makes the whole reference check to zero. */
export function checkCharacter(body: string): string {
  const codes = codesOf(body);
  if (!codes) throw new Error(`"${body}" has characters outside the reference alphabet`);
  return REFERENCE_ALPHABET.charAt((N - ((2 * interim(codes)) % N)) % N);
}

export interface ReferenceScheme {
  create(random?: (max: number) => number): string;
  /** A reference as typed ("bx7k 9m2q t") in its usual form, or null if it cannot be one. */
  normalise(input: string): string | null;
}

/**
 * A kind of reference: `bodyLength` random characters and the check character, printed in
 * groups (e.g. [4, 4, 1] gives "BX7K-9M2Q-T"). Different lengths keep kinds apart.
 */
export function referenceScheme(bodyLength: number, groups: number[]): ReferenceScheme {
  const format = (compact: string): string => {
    const parts: string[] = [];
    let at = 0;
    for (const size of groups) {
      parts.push(compact.slice(at, at + size));
      at += size;
    }
    return parts.join('-');
  };
  return {
    create(random = randomInt) {
      let body = '';
      for (let i = 0; i < bodyLength; i++) body += REFERENCE_ALPHABET.charAt(random(N));
      return format(body + checkCharacter(body));
    },
    normalise(input) {
      const compact = input.toUpperCase().replace(/[\s-]/g, '');
      if (compact.length !== bodyLength + 1) return null;
      const codes = codesOf(compact);
      if (!codes || interim(codes) !== 0) return null;
      return format(compact);
    },
  };
}
