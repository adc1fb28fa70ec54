import type { Form } from '../../forms/index.ts';
import type { Category } from '../contracts.ts';
import type { ReportsDb } from '../tables.ts';
import { questionsOf, type CategoryQuestion } from './questions.ts';

/** A category as the core knows it: the contract's Category plus what sets due dates and warnings. */
export interface ReportCategory extends Category {
  standardResponseHours: number;
  /** For dangerous problems: call this number now. */
  emergencyPhone: string | null;
  /** Its form's questions, from the form's latest version. */
  questions: CategoryQuestion[];
  active: boolean;
}

/** Where a category's form is read from: the forms engine's registry. */
export interface CategoryForms {
  latest(formId: string): Promise<Form | undefined>;
}

/** Categories and their forms change a few times a year, and every report reads one: keep them a minute. */
const FRESH_FOR_MS = 60_000;

/** The report_categories rows, in their display order. */
export class Categories {
  private cached: { at: number; all: ReportCategory[] } | undefined;

  /** `forms` is asked when categories are first read, so the forms module may be set up after this is made. */
  constructor(
    private readonly db: ReportsDb,
    private readonly forms: () => CategoryForms,
  ) {}

  /** Every category residents can choose now. */
  async active(): Promise<ReportCategory[]> {
    return (await this.load()).filter((c) => c.active);
  }

  /** Every category, retired ones included. */
  async all(): Promise<ReportCategory[]> {
    return this.load();
  }

  /** Any category, retired ones included (old reports keep theirs). */
  async get(code: string): Promise<ReportCategory | undefined> {
    return (await this.load()).find((c) => c.code === code);
  }

  /** After staff change the rows. */
  forget(): void {
    this.cached = undefined;
  }

  private async load(): Promise<ReportCategory[]> {
    if (this.cached && Date.now() - this.cached.at < FRESH_FOR_MS) return this.cached.all;
    const rows = await this.db.selectFrom('report_categories').selectAll().orderBy('sort_order').orderBy('name').execute();
    const forms = this.forms();
    const formById = new Map<string, Form | undefined>();
    await Promise.all([...new Set(rows.map((r) => r.form_id))].map(async (id) => formById.set(id, await forms.latest(id))));
    const all = rows.map(
      (r): ReportCategory => ({
        code: r.code,
        name: r.name,
        group: r.group_name,
        description: r.description,
        ...(r.asset_layer ? { assetLayer: r.asset_layer } : {}),
        formId: r.form_id,
        defaultPriority: r.default_priority,
        locatedBy: r.located_by,
        standardResponseHours: r.standard_response_hours,
        emergencyPhone: r.emergency_phone,
        questions: formQuestions(formById.get(r.form_id)),
        active: r.active,
      }),
    );
    this.cached = { at: Date.now(), all };
    return all;
  }
}

function formQuestions(form: Form | undefined): CategoryQuestion[] {
  // Answers with no form to go by are checked for shape only; for a category with priority rules, start-up names the gap.
  return form ? questionsOf(form) : [];
}
