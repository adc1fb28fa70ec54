import type { FieldError } from '../../../platform/http/forms.ts';
import type { ReportState } from '../contracts.ts';
import type { ReportsCore } from '../core.ts';
import type { Report } from '../records.ts';
import { ReportRejected } from '../contracts.ts';

export interface StatusChange {
  /** The state the page showed: if someone changed it since, the change is refused as stale. */
  from: ReportState;
  to: ReportState;
  text: string;
  /** Only for closing as a duplicate: the other report's reference. */
  duplicateOf: string;
}

/**
 * A staff member moves a report to another state through the core, which stores the public update,
 * audits it and tells subscribers. Returns the problems to show, or none when it was applied.
 */
export async function changeStatus(core: ReportsCore, report: Report, change: StatusChange, staffId: string): Promise<FieldError[]> {
  if (change.to === 'closed_duplicate') {
    if (!change.duplicateOf.trim()) return [{ href: '#duplicateOf', text: 'Enter the reference of the report this one duplicates' }];
    const original = await core.records.findByReference(change.duplicateOf);
    if (!original) return [{ href: '#duplicateOf', text: 'There is no report with that reference' }];
    if (report.state !== change.from) return [{ href: '#to', text: 'Someone else changed this report’s status. Check its history and try again' }];
    const marked = await core.updates.markDuplicate(report.id, original.id, staffId);
    return marked.ok ? [] : [{ href: '#duplicateOf', text: marked.reason }];
  }
  if (!change.text.trim()) return [{ href: '#text', text: 'Enter the update residents will see' }];
  try {
    const result = await core.updates.apply({ reportId: report.id, from: change.from, to: change.to, publicText: change.text, actor: { kind: 'staff', id: staffId } });
    if (result.outcome !== 'refused') return [];
    if (result.reason === 'stale') return [{ href: '#to', text: 'Someone else changed this report’s status. Check its history and try again' }];
    return [{ href: '#to', text: result.message }];
  } catch (error) {
    if (error instanceof ReportRejected) return [{ href: '#text', text: error.message }];
    throw error;
  }
}
