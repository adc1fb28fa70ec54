import { z } from 'zod';
import { HttpProblem } from '../../../platform/http/errors.ts';
import type { ReportsCore } from '../core.ts';
import type { Report } from '../records.ts';

export const manage = { access: { permission: 'reports.manage' } } as const;
export const moderate = { access: { permission: 'reports.moderate' } } as const;

const IdParams = z.object({ id: z.string().max(100) });

/** The report a staff URL names, or the "Page not found" page. */
export async function reportOf(core: ReportsCore, params: unknown): Promise<Report> {
  const parsed = IdParams.safeParse(params);
  const report = parsed.success ? await core.records.find(parsed.data.id) : null;
  if (!report) throw new HttpProblem(404, 'Page not found');
  return report;
}
