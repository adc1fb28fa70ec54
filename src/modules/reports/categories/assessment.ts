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

/** A priority the core gives when every named answer is one of those listed (form question name → option values). */
export interface PriorityRule {
  when: Record<string, (string | boolean)[]>;
  priority: Priority;
  /** Dangerous now: the resident is told to call as well. */
  dangerous?: boolean;
}

/**
 * The core's own judgement of a category's answers, by question name and option value; the questions
 * and options themselves are the category's form's. The first rule that holds wins; otherwise, once
 * `decidedBy` is answered, the category's standard time. Every name and value here must be in the
 * form: `ruleProblems` checks that at start-up.
 */
export interface CategoryRules {
  rules: PriorityRule[];
  decidedBy: string;
}

export const CATEGORY_RULES: Record<string, CategoryRules> = {
  streetlight: { rules: [{ when: { fault: ['damaged'] }, priority: 'emergency', dangerous: true }], decidedBy: 'fault' },
  blocked_drain: {
    rules: [
      // An open gully in the road is a hole a wheel or a foot goes into.
      { when: { problem: ['cover_missing'] }, priority: 'emergency', dangerous: true },
      { when: { flooding: [true] }, priority: 'urgent' },
    ],
    decidedBy: 'problem',
  },
  // The usual highway intervention level (40 mm deep), and sooner where people walk or cycle.
  pothole: {
    rules: [
      { when: { depth: ['shallow'] }, priority: 'low' },
      { when: { depth: ['deep'], where: ['pavement', 'cycle_lane'] }, priority: 'urgent' },
      { when: { depth: ['deep'], size: ['large'] }, priority: 'urgent' },
    ],
    decidedBy: 'depth',
  },
};

/** The priority a report's answers give it, or the category's default when they say nothing that matters. */
export function assess(category: Pick<ReportCategory, 'code' | 'defaultPriority' | 'standardResponseHours'>, answers: Record<string, unknown>): Assessment {
  const { priority, dangerous } = ruleFor(category.code, answers) ?? { priority: category.defaultPriority, dangerous: false };
  return { priority, dangerous, dueInHours: responseHours(priority, category.standardResponseHours) };
}

export function responseHours(priority: Priority, standardResponseHours: number): number {
  return priority === 'standard' ? standardResponseHours : RESPONSE_HOURS[priority];
}

function ruleFor(code: string, answers: Record<string, unknown>): { priority: Priority; dangerous: boolean } | undefined {
  const own = CATEGORY_RULES[code];
  if (!own) return undefined;
  const rule = own.rules.find((r) => Object.entries(r.when).every(([name, values]) => values.some((v) => v === answers[name])));
  if (rule) return { priority: rule.priority, dangerous: rule.dangerous === true };
  return answers[own.decidedBy] === undefined ? undefined : { priority: 'standard', dangerous: false };
}

/**
 * What the rules name that a category's questions do not have ("pothole: depth has no option "deep""),
 * so a form changed under them is found at start-up rather than by a report given the wrong priority.
 */
export function ruleProblems(categories: Pick<ReportCategory, 'code' | 'questions'>[], rules: Record<string, CategoryRules> = CATEGORY_RULES): string[] {
  return categories.flatMap((category) => {
    const own = rules[category.code];
    if (!own) return [];
    const named = new Map<string, Set<string | boolean>>([[own.decidedBy, new Set()]]);
    for (const rule of own.rules) for (const [name, values] of Object.entries(rule.when)) named.set(name, new Set([...(named.get(name) ?? []), ...values]));
    return [...named].flatMap(([name, values]) => {
      const question = category.questions.find((q) => q.code === name);
      if (!question) return [`${category.code}: its form has no choice or yes/no question "${name}"`];
      return [...values].flatMap((value) => {
        const offered = question.kind === 'yes-no' ? typeof value === 'boolean' : question.options.some((o) => o.value === value);
        return offered ? [] : [`${category.code}: "${name}" has no answer ${JSON.stringify(value)}`];
      });
    });
  });
}
