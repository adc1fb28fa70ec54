import { isUkMobile, normaliseUkPhone } from '../../../platform/contact/phone.ts';

/** A UK mobile number in E.164, the only numbers GOV.UK Notify texts here; null for anything else. */
export function ukMobile(phone: string | null | undefined): string | null {
  const normal = phone ? normaliseUkPhone(phone) : null;
  return normal && isUkMobile(normal) ? normal : null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** A UK telephone number as people type it (the pipeline stores it in E.164). */
export function isPhoneNumber(value: string): boolean {
  return normaliseUkPhone(value) !== null;
}
