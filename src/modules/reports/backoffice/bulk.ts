import type { FieldError } from '../../../platform/http/forms.ts';
import type { ReportsCore } from '../core.ts';
import type { ResponseTemplate } from '../updates/templates.ts';
import type { Assignments } from './assignment.ts';

export interface BulkRequest {
  reportIds: string[];
  action: string;
  team: string;
  inspector: string;
  templateId: string;
}

export type BulkResult = { ok: true; changed: number; refused: string[] } | { ok: false; errors: FieldError[] };

/**
 * The same change to several reports, one at a time through the same services as a single change,
 * so each is audited (and each report's subscribers told) on its own.
 */
export async function bulkChange(core: ReportsCore, assignments: Assignments, request: BulkRequest, staffId: string): Promise<BulkResult> {
  if (!request.reportIds.length) return { ok: false, errors: [{ href: '#reports', text: 'Select at least one report' }] };
  if (request.action === 'assign') {
    if (!request.team && !request.inspector) return { ok: false, errors: [{ href: '#bulk-team', text: 'Select a team or an inspector', field: 'bulk-team' }] };
    const checked = await assignments.check(request.team, request.inspector);
    if (!checked.ok) return { ok: false, errors: [{ href: `#bulk-${checked.field}`, text: checked.message }] };
    let changed = 0;
    for (const id of request.reportIds) {
      if (!(await core.records.find(id))) continue;
      await assignments.assign(id, request.team || null, request.inspector || null, staffId);
      changed += 1;
    }
    return { ok: true, changed, refused: [] };
  }
  if (request.action === 'status') {
    const id = Number(request.templateId);
    const template = (await allTemplates(core)).find((t) => t.id === id);
    if (!template) return { ok: false, errors: [{ href: '#bulk-template', text: 'Select the update to send' }] };
    let changed = 0;
    const refused: string[] = [];
    for (const reportId of request.reportIds) {
      const report = await core.records.find(reportId);
      if (!report) continue;
      if (template.categoryCode && template.categoryCode !== report.categoryCode) {
        refused.push(`${report.reference}: that update is for another category`);
        continue;
      }
      const result = await core.updates.apply({ reportId, from: report.state, to: template.state, publicText: template.text, actor: { kind: 'staff', id: staffId } });
      if (result.outcome === 'refused') refused.push(`${report.reference}: ${result.message}`);
      else changed += 1;
    }
    return { ok: true, changed, refused };
  }
  return { ok: false, errors: [{ href: '#bulk-action', text: 'Select what to do with the selected reports' }] };
}

/** Every response template, general and per category, for the bulk update list. */
export async function allTemplates(core: ReportsCore): Promise<ResponseTemplate[]> {
  const categories = await core.categories.active();
  const seen = new Map<number, ResponseTemplate>();
  for (const c of categories) for (const t of await core.templates.choices(c.code)) seen.set(t.id, t);
  return [...seen.values()].sort((a, b) => (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') || a.id - b.id);
}
