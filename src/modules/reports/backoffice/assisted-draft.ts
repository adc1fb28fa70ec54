import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/forms.ts';
import type { Reporter } from '../contracts.ts';
import { isEmailAddress, isPhoneNumber, ukMobile } from '../notifications/contacts.ts';
import type { DraftPlace } from '../web/draft.ts';

/** Taken on the phone ('phone') or face to face at a counter ('assisted'). */
export type StaffChannel = 'phone' | 'assisted';

export interface Caller {
  name: string;
  email: string;
  phone: string;
  wantsUpdates: boolean;
}

/** A report staff are taking for a caller, kept in the staff member's session until it is sent. */
export interface StaffReportDraft {
  channel: StaffChannel;
  categoryCode: string;
  caller: Caller;
  place?: DraftPlace;
}

/** What the confirmation page tells staff to say to the caller. */
export interface StaffReportSent {
  reference: string;
  reportId: string;
  callerName: string;
  /** How the caller hears from us: by email, by text, or not at all (staff must read the reference out). */
  contactedBy: 'email' | 'text' | 'none';
  /** Added to an existing report instead of making a new one. */
  followed: boolean;
}

declare module 'fastify' {
  interface Session {
    staffReport?: StaffReportDraft;
    staffReportSent?: StaffReportSent;
  }
}

export const ASSISTED_START = '/staff/reports/new';
const MAX_NAME = 200;

export function staffDraftOf(request: FastifyRequest): StaffReportDraft | undefined {
  return request.session.staffReport;
}

export function isStaffChannel(value: string): value is StaffChannel {
  return value === 'phone' || value === 'assisted';
}

/** The caller's details, checked: all optional, but updates need an email address or a telephone number to go to. */
export function checkCaller(form: { name: string; email: string; phone: string; updates: string }): { caller: Caller; errors: FieldError[] } {
  const caller = { name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim(), wantsUpdates: form.updates === 'yes' };
  const errors: FieldError[] = [];
  if (caller.name.length > MAX_NAME) errors.push({ href: '#name', text: `The caller’s name must be ${MAX_NAME} characters or fewer` });
  if (caller.email && !isEmailAddress(caller.email)) errors.push({ href: '#email', text: 'Enter an email address in the correct format, like name@example.com' });
  if (caller.phone && !isPhoneNumber(caller.phone)) errors.push({ href: '#phone', text: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' });
  if (form.updates !== 'yes' && form.updates !== 'no') errors.push({ href: '#updates', text: 'Select whether the caller wants updates about the problem' });
  else if (caller.wantsUpdates && !caller.email && !caller.phone) errors.push({ href: '#email', text: 'Enter the caller’s email address or telephone number, so we can send them updates' });
  return { caller, errors };
}

/** The caller as the pipeline stores them. Their email or phone is kept only to send updates they asked for. */
export function reporterOf(caller: Caller): Reporter {
  return {
    ...(caller.name ? { name: caller.name } : {}),
    ...(caller.wantsUpdates && caller.email ? { email: caller.email } : {}),
    ...(caller.wantsUpdates && caller.phone ? { phone: caller.phone } : {}),
    showName: false,
  };
}

/** As the pipeline chooses for someone without an account: email if given, else a text to a UK mobile. */
export function contactedBy(caller: Caller): StaffReportSent['contactedBy'] {
  if (!caller.wantsUpdates) return 'none';
  if (caller.email) return 'email';
  return ukMobile(caller.phone) ? 'text' : 'none';
}
