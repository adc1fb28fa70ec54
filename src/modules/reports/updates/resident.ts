import type { Executor } from '../../../platform/db/database.ts';
import type { Report } from '../records.ts';
import { isClosed } from '../states.ts';
import { addUpdate, changeState, type ChangeDeps } from './change.ts';
import { canReopen } from './state-machine.ts';

/** A resident acting on a report: signed in (userId) or known by the email they gave. */
export interface Resident {
  userId?: string | null;
  email?: string | null;
}

export type ResidentOutcome = { ok: true; updateId: string } | { ok: false; reason: string };

export async function reopen(trx: Executor, deps: ChangeDeps, report: Report, resident: Resident, reason: string, now: Date): Promise<ResidentOutcome> {
  if (report.hidden) return { ok: false, reason: 'This report could not be found' };
  const allowed = canReopen(report.state, report.fixedAt, now);
  if (!allowed.ok) return allowed;
  const updateId = await changeState(trx, deps, report, {
    to: 'open',
    text: `Reopened by a resident: ${reason}`,
    author: { kind: 'resident', id: resident.userId ?? null },
    occurredAt: now,
    except: resident,
  });
  return { ok: true, updateId };
}

export async function addInformation(trx: Executor, deps: ChangeDeps, report: Report, resident: Resident, text: string): Promise<ResidentOutcome> {
  if (report.hidden) return { ok: false, reason: 'This report could not be found' };
  if (isClosed(report.state)) return { ok: false, reason: 'This report is closed. If there is still a problem, make a new report' };
  // Staff read it on the report; residents following it are not sent each other's words.
  const updateId = await addUpdate(trx, deps, report, { visibility: 'public', text, author: { kind: 'resident', id: resident.userId ?? null }, occurredAt: new Date(), notify: false });
  return { ok: true, updateId };
}
