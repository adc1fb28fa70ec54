/**
 * GOV.UK's guidance: check there is one @, something before it and a domain with a dot after it.
 * Anything stricter turns away real addresses; the verification link proves the rest.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export const MAX_EMAIL_LENGTH = 254;

export function isValidEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email);
}

export function normaliseEmail(value: string): string {
  return value.trim();
}
