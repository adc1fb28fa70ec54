import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// (algorithm 2 is Argon2id; the package's enum is a const enum we cannot import here.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** NCSC guidance: a length floor, no composition rules, and no common passwords. */
export function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return 'Enter a password';
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  if (common.has(password.toLowerCase())) return 'Password is too common. Choose a password that is harder to guess';
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Compare against a fixed hash when there is none, so timing does not reveal unknown accounts.
  const target = stored ?? (await dummyHash);
  try {
    const ok = await verify(target, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}

const dummyHash = hash('lastmile-no-such-account', OPTIONS);
