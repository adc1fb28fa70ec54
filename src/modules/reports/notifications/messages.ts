import type { ReportState } from '../contracts.ts';
import { STATE_LABELS } from '../states.ts';

/** What a message needs to say which report it is about. */
export interface AboutReport {
  reference: string;
  categoryName: string;
  /** "Acre Lane", or what the resident wrote about where. */
  place: string | null;
}

/** A message in both forms: an email, and the text message for people who asked for those. */
export interface ReportMessage {
  subject: string;
  body: string;
  sms: string;
}

/** Links that differ for each person a message goes to. */
export interface PersonalLinks {
  report: string;
  unsubscribe: string;
  /** The reporter's own tracking link (web/reporter-token.ts): it lets them add information or reopen without an account. */
  track?: string;
}

function what(about: AboutReport): string {
  return about.place ? `${about.categoryName} at ${about.place}` : about.categoryName;
}

function footer(links: PersonalLinks): string {
  return `See the report and its updates: ${links.report}\n\nTo stop getting updates about this report: ${links.unsubscribe}`;
}

/** Only the reporter's confirmation carries their tracking link: anyone else's copy must not let them change the report. */
function track(links: PersonalLinks): string {
  return links.track ? `To add information to your report, or to reopen it if it is not fixed, use this link. It is only for you, so do not share it: ${links.track}\n\n` : '';
}

export function confirmation(about: AboutReport, councilName: string, emergencyPhone: string | null, links: PersonalLinks): ReportMessage {
  const danger = emergencyPhone ? `\n\nIf it is dangerous now, call us on ${emergencyPhone}.` : '';
  return {
    subject: `We have your report: ${about.reference}`,
    body: `Thank you for reporting a problem to ${councilName}.\n\nWhat you reported: ${what(about)}\nYour reference: ${about.reference}\n\nWe will tell you when it is being dealt with and when it is fixed.${danger}\n\n${track(links)}${footer(links)}`,
    sms: `${councilName}: we have your report of a ${about.categoryName.toLowerCase()}, reference ${about.reference}. We will text you when it changes. ${links.track ?? links.report}`,
  };
}

export function stateChanged(about: AboutReport, to: ReportState, text: string | null, links: PersonalLinks): ReportMessage {
  const label = STATE_LABELS[to];
  const said = text ? `\n\n${text}` : '';
  return {
    subject: `Your report ${about.reference}: ${label}`,
    body: `There is an update on ${what(about)} (reference ${about.reference}).\n\nStatus: ${label}${said}\n\n${footer(links)}`,
    sms: `Report ${about.reference}: ${label}. ${links.report}`,
  };
}

export function publicUpdate(about: AboutReport, text: string, links: PersonalLinks): ReportMessage {
  return {
    subject: `Update on your report ${about.reference}`,
    body: `There is an update on ${what(about)} (reference ${about.reference}).\n\n${text}\n\n${footer(links)}`,
    sms: `There is an update on report ${about.reference}. ${links.report}`,
  };
}

export function subscribed(about: AboutReport, links: PersonalLinks): ReportMessage {
  return {
    subject: `You will get updates on report ${about.reference}`,
    body: `We will tell you when ${what(about)} (reference ${about.reference}) is being dealt with and when it is fixed.\n\n${footer(links)}`,
    sms: `We will text you updates on report ${about.reference}. ${links.report}`,
  };
}

export function askIfFixed(about: AboutReport, answer: { yes: string; no: string }): { subject: string; body: string } {
  return {
    subject: `Has it been fixed? Report ${about.reference}`,
    body: `Four weeks ago you reported ${what(about)} (reference ${about.reference}).\n\nHas it been fixed?\n\nYes, it has been fixed: ${answer.yes}\n\nNo, it has not been fixed: ${answer.no}\n\nYour answer helps us check our work.`,
  };
}
