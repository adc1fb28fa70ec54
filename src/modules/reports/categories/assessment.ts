import type { Priority } from '../contracts.ts';
import type { ReportCategory } from './catalogue.ts';

/**
 * How quickly each priority must be dealt with. 'standard' is the category's own time (streetlights
 * 7 days, drains and potholes 5 days: report_categories.standard_response_hours); the others are
 * the same for every category. Calendar hours, not working days, so the clock is the same
 * everywhere (a council's working-day rules belong in the back office, not in the due date).
 */
export const RESPONSE_HOURS: Record<Exclude<Priority, 'standard'>, number> = {
  emergency: 2,
  urgent: 24,
  low: 28 * 24,
};

export interface Assessment {
  priority: Priority;
  dueInHours: number;
  /** Dangerous now: the resident is shown the emergency number as well. */
  dangerous: boolean;
}

/**
 * The priority a report's answers give it, or the category's default when they say nothing that
 * matters. Potholes go by the usual highway intervention level (40 mm deep), and sooner where
 * people walk or cycle.
 */
export function assess(category: Pick<ReportCategory, 'code' | 'defaultPriority' | 'standardResponseHours'>, answers: Record<string, unknown>): Assessment {
  const { priority, dangerous } = ruleFor(category.code, answers) ?? { priority: category.defaultPriority, dangerous: false };
  return { priority, dangerous, dueInHours: responseHours(priority, category.standardResponseHours) };
}

export function responseHours(priority: Priority, standardResponseHours: number): number {
  return priority === 'standard' ? standardResponseHours : RESPONSE_HOURS[priority];
}

function ruleFor(code: string, answers: Record<string, unknown>): { priority: Priority; dangerous: boolean } | undefined {
  switch (code) {
    case 'streetlight':
      if (answers.fault === 'damaged') return { priority: 'emergency', dangerous: true };
      return answers.fault === undefined ? undefined : { priority: 'standard', dangerous: false };
    case 'blocked_drain':
      // An open gully in the road is a hole a wheel or a foot goes into.
      if (answers.problem === 'cover_missing') return { priority: 'emergency', dangerous: true };
      if (answers.flooding === true) return { priority: 'urgent', dangerous: false };
      return answers.problem === undefined ? undefined : { priority: 'standard', dangerous: false };
    case 'pothole':
      return potholePriority(answers);
    default:
      return undefined;
  }
}

function potholePriority(answers: Record<string, unknown>): { priority: Priority; dangerous: boolean } | undefined {
  const { size, depth, where } = answers;
  if (depth === undefined) return undefined;
  if (depth === 'shallow') return { priority: 'low', dangerous: false };
  const footOrBike = where === 'pavement' || where === 'cycle_lane';
  if (footOrBike || size === 'large') return { priority: 'urgent', dangerous: false };
  return { priority: 'standard', dangerous: false };
}
