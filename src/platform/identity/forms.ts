import { isValidEmail, MAX_EMAIL_LENGTH } from './email.ts';

/** GOV.UK wording for an email address field; returns nothing when the address will do. */
export function emailProblem(value: string, empty = 'Enter your email address'): string | undefined {
  if (value.trim() === '') return empty;
  if (value.trim().length > MAX_EMAIL_LENGTH) return `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`;
  if (!isValidEmail(value)) return 'Enter an email address in the correct format, like name@example.com';
  return undefined;
}
