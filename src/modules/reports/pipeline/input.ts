import { ReportRejected, type Channel, type NewReport, type Reporter } from '../contracts.ts';
import { normaliseUkPhone } from '../../../platform/contact/phone.ts';
import { isEmailAddress } from '../notifications/contacts.ts';
import { isUuid } from '../records.ts';

export const MAX_DESCRIPTION = 4000;
const MAX_LOCATION_DESCRIPTION = 1000;
const MAX_PHOTOS = 5;
const MAX_NAME = 200;
const CHANNELS: readonly Channel[] = ['web', 'assisted', 'open311', 'phone'];

/** A reporter's details, trimmed, with blanks as null. */
export interface CheckedReporter {
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  showName: boolean;
}

/** The parts of a new report that need no database to check: sizes, formats, the channel's own rules. */
export function checkInput(input: NewReport): { description: string; locationDescription: string | null; reporter: CheckedReporter } {
  if (!CHANNELS.includes(input.channel)) throw new ReportRejected('channel', 'The channel must be web, assisted, open311 or phone');
  const description = clean(input.description);
  if (!description) throw new ReportRejected('description', 'Describe the problem');
  if (description.length > MAX_DESCRIPTION) throw new ReportRejected('description', `The description must be ${MAX_DESCRIPTION.toLocaleString('en-GB')} characters or less`);
  const locationDescription = clean(input.locationDescription ?? '') || null;
  if (locationDescription && locationDescription.length > MAX_LOCATION_DESCRIPTION) {
    throw new ReportRejected('locationDescription', `Where the problem is must be ${MAX_LOCATION_DESCRIPTION.toLocaleString('en-GB')} characters or less`);
  }
  if (input.photoFileIds.length > MAX_PHOTOS) throw new ReportRejected('photos', `Add no more than ${MAX_PHOTOS} photos`);
  if (!input.photoFileIds.every(isUuid)) throw new ReportRejected('photos', 'A photo could not be found: upload it again');
  if ((input.channel === 'assisted' || input.channel === 'phone') && !input.staffId) throw new ReportRejected('staffId', 'A report taken by staff must say who took it');
  if (input.staffId && !isUuid(input.staffId)) throw new ReportRejected('staffId', 'The member of staff is not known');
  if (input.channel === 'open311' && !input.open311ClientId) throw new ReportRejected('open311ClientId', 'An Open311 report must say which client sent it');
  return { description, locationDescription, reporter: checkReporter(input.reporter) };
}

export function checkReporter(reporter: Reporter): CheckedReporter {
  const userId = reporter.userId ?? null;
  if (userId !== null && !isUuid(userId)) throw new ReportRejected('reporter', 'The account is not known');
  const name = clean(reporter.name ?? '') || null;
  if (name && name.length > MAX_NAME) throw new ReportRejected('name', `Your name must be ${MAX_NAME} characters or less`);
  const email = clean(reporter.email ?? '') || null;
  if (email && !isEmailAddress(email)) throw new ReportRejected('email', 'Enter an email address in the correct format, like name@example.com');
  const phone = clean(reporter.phone ?? '') || null;
  if (phone && !normaliseUkPhone(phone)) throw new ReportRejected('phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
  return { userId, name, email, phone, showName: reporter.showName && name !== null };
}

/** Line breaks as one character each, no control characters, trimmed. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}
