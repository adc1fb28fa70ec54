import type { FieldError } from '../../platform/http/forms.ts';
import { isUkMobile, normaliseUkPhone } from '../../platform/contact/phone.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const MAX_NAME_LENGTH = 200;

export const messages = {
  nameMissing: 'Enter your full name',
  nameTooLong: `Full name must be ${MAX_NAME_LENGTH} characters or fewer`,
  phoneInvalid: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  smsNeedsMobile: 'Add a mobile phone number to your profile to get text messages',
  passwordMissing: 'Enter your password',
  passwordWrong: 'Your password is not correct',
  confirmMissing: 'Confirm that you want to delete your account',
} as const;

export interface Profile {
  name: string;
  /** E.164, or null when the person gives none. */
  phone: string | null;
}

export function checkProfile(input: { name: string; phone: string }): Checked<Profile> {
  const errors: FieldError[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.push({ href: '#name', text: messages.nameMissing });
  else if (name.length > MAX_NAME_LENGTH) errors.push({ href: '#name', text: messages.nameTooLong });
  const phone = input.phone.trim() ? normaliseUkPhone(input.phone) : null;
  if (input.phone.trim() && !phone) errors.push({ href: '#phone', text: messages.phoneInvalid });
  return errors.length ? { ok: false, errors } : { ok: true, value: { name, phone } };
}

export interface Preferences {
  email: boolean;
  sms: boolean;
}

export function checkPreferences(channels: string[], phone: string | null): Checked<Preferences> {
  const value = { email: channels.includes('email'), sms: channels.includes('sms') };
  // The fix is on the profile page, so the summary links straight to the phone box there.
  if (value.sms && !isUkMobile(phone)) return { ok: false, errors: [{ href: '/account/profile#phone', text: messages.smsNeedsMobile, field: 'channels' }] };
  return { ok: true, value };
}
