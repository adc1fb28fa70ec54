import type { SeededRandom } from '../../../platform/geo/prng.ts';
import type { ReportState } from '../contracts.ts';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export interface Step {
  from: ReportState;
  to: ReportState;
  at: Date;
  byResident?: boolean;
}

export interface Life {
  state: ReportState;
  steps: Step[];
  fixedAt: Date | null;
  closedAt: Date | null;
  reopened: boolean;
}

interface LifeInputs {
  created: Date;
  now: Date;
  dueInHours: number;
  categoryCode: string;
  answers: Record<string, unknown>;
  duplicate: boolean;
}

/**
 * What happened to one report up to `now`. Most are fixed, usually inside their due time and
 * sometimes well after; some are closed instead (a duplicate, not the council's, or below the
 * level that needs a repair); a few fixed ones are reopened by a resident and fixed again.
 */
export function lifeOf(random: SeededRandom, report: LifeInputs): Life {
  const start = report.created.getTime();
  const plan: { to: ReportState; at: number; byResident?: boolean }[] = [];
  const roll = random.next();
  const shallowPothole = report.categoryCode === 'pothole' && report.answers.depth === 'shallow';
  if (report.duplicate) {
    plan.push({ to: 'closed_duplicate', at: start + random.between(2, 48) * HOUR });
  } else if (roll < 0.03) {
    plan.push({ to: 'closed_not_responsible', at: start + random.between(1, 3) * DAY });
  } else if (roll < (shallowPothole ? 0.25 : 0.06)) {
    const inspected = start + random.between(1, 5) * DAY;
    plan.push({ to: 'investigating', at: inspected - random.between(4, 20) * HOUR }, { to: 'closed_no_further_action', at: inspected });
  } else {
    // Most repairs beat their due time; about one in seven runs late, some by days.
    const factor = random.chance(0.86) ? random.between(0.15, 1) : random.between(1, 4);
    const fixAfter = report.dueInHours * factor * HOUR;
    if (random.chance(0.5)) plan.push({ to: 'investigating', at: start + fixAfter * 0.15 });
    if (fixAfter > 12 * HOUR) plan.push({ to: 'action_scheduled', at: start + fixAfter * 0.4 });
    if (random.chance(0.2)) plan.push({ to: 'in_progress', at: start + fixAfter * 0.85 });
    const fixed = start + fixAfter;
    plan.push({ to: 'fixed', at: fixed });
    if (random.chance(0.03)) {
      const reopened = fixed + random.between(2, 20) * DAY;
      plan.push({ to: 'open', at: reopened, byResident: true }, { to: 'fixed', at: reopened + random.between(1, 7) * DAY });
    }
  }

  const steps: Step[] = [];
  let state: ReportState = 'open';
  let fixedAt: Date | null = null;
  let closedAt: Date | null = null;
  let reopened = false;
  for (const next of plan) {
    if (next.at > report.now.getTime()) break;
    const at = new Date(Math.round(next.at / 1000) * 1000);
    steps.push({ from: state, to: next.to, at, byResident: next.byResident });
    state = next.to;
    if (next.to === 'fixed') fixedAt = at;
    if (next.to.startsWith('closed_')) closedAt = at;
    if (next.byResident) {
      reopened = true;
      fixedAt = null;
    }
  }
  return { state, steps, fixedAt, closedAt, reopened };
}
