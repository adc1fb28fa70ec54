import type { Geography } from '../../../platform/geo/geography.ts';
import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { ReportState } from '../contracts.ts';
import type { ReportCategory } from '../categories/catalogue.ts';
import type { Report, ReportUpdate } from '../records.ts';
import { isClosed, isOpen, STATE_LABELS } from '../states.ts';

const DAY_MS = 24 * 3600 * 1000;

/** "today", "1 day ago", "12 days ago". */
export function daysAgo(when: Date, now = new Date()): string {
  const days = Math.floor((now.getTime() - when.getTime()) / DAY_MS);
  if (days <= 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** The GOV.UK tag colour for a state: a word beside it says the same, so colour is never the only sign. */
export function stateTag(state: ReportState): { text: string; classes: string } {
  const colour = isOpen(state) ? (state === 'open' ? 'govuk-tag--blue' : 'govuk-tag--yellow') : state === 'fixed' ? 'govuk-tag--green' : 'govuk-tag--grey';
  return { text: STATE_LABELS[state], classes: colour };
}

/** What anyone may see of a report: no email, phone or account, and the name only if the reporter chose to show it. */
export interface PublicReport {
  reference: string;
  categoryName: string;
  street: string | null;
  ward: string | null;
  locationDescription: string | null;
  description: string;
  tag: { text: string; classes: string };
  state: ReportState;
  reportedBy: string | null;
  createdAt: Date;
  photos: string[];
  timeline: { date: Date; state: string | null; text: string | null }[];
  isOpen: boolean;
  isClosed: boolean;
}

export async function publicReport(report: Report, category: ReportCategory | undefined, updates: ReportUpdate[], places: { gazetteer: Gazetteer; geography: Geography }): Promise<PublicReport> {
  const street = report.usrn ? await places.gazetteer.street(report.usrn) : null;
  return {
    reference: report.reference,
    categoryName: category?.name ?? 'Street problem',
    street: street?.name ?? null,
    ward: report.wardCode ? (places.geography.ward(report.wardCode)?.name ?? null) : null,
    locationDescription: report.locationDescription,
    description: report.description,
    tag: stateTag(report.state),
    state: report.state,
    reportedBy: report.reporter.showName ? report.reporter.name : null,
    createdAt: report.createdAt,
    photos: report.photoFileIds.map((id) => `/reports/${report.reference}/photos/${id}`),
    timeline: updates.filter((u) => u.visibility === 'public').map((u) => ({ date: u.createdAt, state: u.toState ? STATE_LABELS[u.toState] : null, text: u.text })),
    isOpen: isOpen(report.state),
    isClosed: isClosed(report.state),
  };
}
