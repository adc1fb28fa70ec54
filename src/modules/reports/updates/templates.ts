import type { ReportState } from '../contracts.ts';
import type { ReportsDb } from '../tables.ts';

export interface ResponseTemplate {
  id: number;
  categoryCode: string | null;
  state: ReportState;
  title: string;
  text: string;
}

const FRESH_FOR_MS = 60_000;

/** Standard public wording for each state, per category with a general fallback. Kept a minute in memory. */
export class ResponseTemplates {
  private cached: { at: number; all: ResponseTemplate[] } | undefined;

  constructor(private readonly db: ReportsDb) {}

  /** The templates staff may choose from for a category (its own first, then the general ones), optionally for one state. */
  async choices(categoryCode: string, state?: ReportState): Promise<ResponseTemplate[]> {
    const all = await this.load();
    return all
      .filter((t) => (t.categoryCode === categoryCode || t.categoryCode === null) && (!state || t.state === state))
      .sort((a, b) => Number(a.categoryCode === null) - Number(b.categoryCode === null));
  }

  /** The text used when a report moves to `state` and nobody wrote anything. */
  async textFor(categoryCode: string, state: ReportState): Promise<string | null> {
    return (await this.choices(categoryCode, state))[0]?.text ?? null;
  }

  forget(): void {
    this.cached = undefined;
  }

  private async load(): Promise<ResponseTemplate[]> {
    if (this.cached && Date.now() - this.cached.at < FRESH_FOR_MS) return this.cached.all;
    const rows = await this.db.selectFrom('report_response_templates').selectAll().orderBy('id').execute();
    const all = rows.map((r) => ({ id: r.id, categoryCode: r.category_code, state: r.state, title: r.title, text: r.text }));
    this.cached = { at: Date.now(), all };
    return all;
  }
}
