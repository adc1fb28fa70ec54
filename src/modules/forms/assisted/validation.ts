import { normaliseUkPhone } from '../../../platform/contact/phone.ts';
import { emailProblem } from '../../../platform/identity/forms.ts';
import { FormErrors } from '../../../platform/http/forms.ts';
import type { ChosenResident } from './session.ts';

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
}

export const NO_WAY_TO_CONTACT = 'Enter an email address or a telephone number, so we can tell them what happens next';

/** Contact details for a resident without an account: a name, and an email address or phone number (or both). */
export function checkContact(form: ContactForm): { ok: true; resident: ChosenResident } | { ok: false; errors: FormErrors } {
  const errors = new FormErrors();
  const name = form.name.trim();
  if (!name) errors.add('name', 'Enter their full name');
  else if (name.length > 200) errors.add('name', 'Full name must be 200 characters or fewer');
  const email = form.email.trim();
  const phoneText = form.phone.trim();
  if (!email && !phoneText) errors.add('email', NO_WAY_TO_CONTACT);
  const emailIssue = email ? emailProblem(email) : undefined;
  if (emailIssue) errors.add('email', emailIssue);
  const phone = phoneText ? normaliseUkPhone(phoneText) : null;
  if (phoneText && !phone) errors.add('phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
  if (errors.any) return { ok: false, errors };
  return { ok: true, resident: { contact: { name, ...(email && { email }), ...(phone && { phone }) } } };
}
