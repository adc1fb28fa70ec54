import type { Category } from '../contracts.ts';
import type { ReportsDb } from '../tables.ts';
import { questionsFor, type CategoryQuestion } from './questions.ts';

/** A category as the core knows it: the contract's Category plus what sets due dates and warnings. */
export interface ReportCategory extends Category {
  standardResponseHours: number;
  /** For dangerous problems: call this number now. */
  emergencyPhone: string | null;
  questions: CategoryQuestion[];
  active: boolean;
}

/** Categories change a few times a year, and every report reads one: keep them a minute. */
const FRESH_FOR_MS = 60_000;

/** The report_categories rows, in their display order. */
export class Categories {
  private cached: { at: number; all: ReportCategory[] } | undefined;

  constructor(private readonly db: ReportsDb) {}

  /** Every category residents can choose now. */
  async active(): Promise<ReportCategory[]> {
    return (await this.load()).filter((c) => c.active);
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
        questions: questionsFor(r.code),
        active: r.active,
      }),
    );
    this.cached = { at: Date.now(), all };
    return all;
  }
}
