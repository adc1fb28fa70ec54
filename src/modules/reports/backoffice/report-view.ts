import type { Services } from '../../../platform/services.ts';
import { responseHours } from '../categories/assessment.ts';
import type { ReportsCore } from '../core.ts';
import type { Report } from '../records.ts';
import { isOpen } from '../states.ts';
import type { Assignments } from './assignment.ts';
import { CHANNEL_LABELS, hoursInWords, PRIORITY_LABELS, stateLabel } from './labels.ts';
import type { Moderation } from './moderation.ts';
import { backofficeDb } from './tables.ts';

export interface BackOffice {
  services: Services;
  core: ReportsCore;
  assignments: Assignments;
  moderation: Moderation;
}

/** Everything staff see about one report: the public record, the reporter's contact, internal notes and history. */
export async function staffReportView(office: BackOffice, report: Report): Promise<Record<string, unknown>> {
  const { core, services, assignments, moderation } = office;
  const db = backofficeDb(services.db);
  const [category, updates, assignment, history, teams, inspectors, categories, street, staff] = await Promise.all([
    core.categories.get(report.categoryCode),
    core.records.updates(report.id, false),
    assignments.of(report.id),
    moderation.history(report.id),
    assignments.teams(),
    assignments.inspectors(),
    core.categories.active(),
    report.usrn ? services.gazetteer.street(report.usrn) : Promise.resolve(null),
    report.staffId ? db.selectFrom('users').select(['name', 'email']).where('id', '=', report.staffId).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const authorIds = [...new Set(updates.flatMap((u) => (u.author.kind === 'staff' && u.author.id ? [u.author.id] : [])))];
  const authors = authorIds.length ? await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', authorIds).execute() : [];
  const authorName = new Map(authors.map((a) => [a.id, a.name ?? a.email]));
  const ward = report.wardCode ? services.geography.wards().find((w) => w.code === report.wardCode) : undefined;
  const hours = category ? responseHours(report.priority, category.standardResponseHours) : undefined;
  const answers = (category?.questions ?? []).map((q) => {
    const value = report.answers[q.code];
    return { label: q.label, text: q.options.find((o) => o.value === value)?.text ?? (typeof value === 'string' ? value : 'Not answered') };
  });
  return {
    report,
    stateText: stateLabel(report.state),
    open: isOpen(report.state),
    overdue: isOpen(report.state) && report.dueAt !== null && report.dueAt < new Date(),
    categoryName: category?.name ?? report.categoryCode,
    priorityText: PRIORITY_LABELS[report.priority],
    responseTime: hours === undefined ? undefined : hoursInWords(hours),
    channelText: CHANNEL_LABELS[report.channel],
    staffName: staff ? (staff.name ?? staff.email) : undefined,
    takenBy: staff ? `Taken by ${staff.name ?? staff.email} ${report.channel === 'phone' ? 'by phone' : 'in person'}` : undefined,
    wardName: ward?.name,
    streetName: street?.name,
    answers,
    updates: updates.map((u) => ({
      ...u,
      fromText: u.fromState ? stateLabel(u.fromState) : undefined,
      toText: u.toState ? stateLabel(u.toState) : undefined,
      authorText: u.author.kind === 'staff' ? (u.author.id ? (authorName.get(u.author.id) ?? 'Staff') : 'Staff') : u.author.kind === 'resident' ? 'Resident' : u.author.kind === 'system' ? 'Automatic' : `${u.author.kind === 'open311' ? 'Open311 client' : 'Contractor'} ${u.author.id ?? ''}`.trim(),
    })),
    assignment,
    moderation: history,
    original: history[0] ? { description: history[0].originalDescription, photoCount: history[0].originalPhotoFileIds.length } : undefined,
    teams,
    inspectors,
    categories: categories.filter((c) => c.code !== report.categoryCode),
  };
}
