import type { Db } from '../../../platform/db/database.ts';
import type { Files, StoredFile } from '../../../platform/files/index.ts';
import type { Actor } from '../../../platform/identity/accounts.ts';
import type { Form } from '../definition/form.ts';
import type { FormRegistry, Published } from '../definition/registry.ts';
import type { DeliveryService } from '../delivery/service.ts';
import type { DeliveryRecord, FailedDelivery } from '../delivery/repository.ts';
import { answerRows } from '../journey/summary.ts';
import { todayInLondon } from '../validation/dates.ts';
import { filesIn, questionsOf, type Question } from './answers.ts';
import { csvLines, exportColumns } from './csv.ts';
import { StaffFormsRepository, type FormSummary, type SubmissionDetail, type SubmissionListItem, type VersionSummary } from './repository.ts';
import type { FileAnswer } from '../contracts.ts';

export const PAGE_SIZE = 50;

export interface SubmissionView {
  submission: SubmissionDetail;
  rows: { label: string; lines: string[]; files: FileAnswer[] }[];
  deliveries: DeliveryRecord[];
}

export interface StaffFormsDependencies {
  db: Db;
  forms: FormRegistry;
  delivery: DeliveryService;
  files: Files;
}

/** The work behind the staff forms pages: forms and versions, submissions, exports and failed deliveries. */
export class StaffForms {
  readonly repository: StaffFormsRepository;

  constructor(private readonly deps: StaffFormsDependencies) {
    this.repository = new StaffFormsRepository(deps.db);
  }

  forms(): Promise<FormSummary[]> {
    return this.repository.forms();
  }

  async form(formId: string): Promise<{ latest: Form; versions: VersionSummary[] } | null> {
    const latest = await this.deps.forms.latest(formId);
    return latest ? { latest, versions: await this.repository.versions(formId) } : null;
  }

  version(formId: string, version: number): Promise<Form | undefined> {
    return this.deps.forms.version(formId, version);
  }

  /** Checks pasted or uploaded JSON and stores it as the form's next version (the registry audits it). */
  async publish(text: string, actor: Actor & { userId: string }): Promise<Published> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'it could not be read';
      return { ok: false, problems: [{ path: '(the definition)', message: `is not valid JSON: ${reason}` }] };
    }
    return this.deps.forms.publish(json, actor.userId);
  }

  async submissions(formId: string | undefined, page: number): Promise<{ rows: SubmissionListItem[]; total: number }> {
    return this.repository.submissions({ formId }, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  }

  async submission(id: string): Promise<SubmissionView | null> {
    const submission = await this.repository.submission(id);
    if (!submission) return null;
    const form = await this.deps.forms.version(submission.formId, submission.formVersion);
    const day = todayInLondon(submission.submittedAt);
    const rows = form
      ? answerRows(form, submission.answers, day).map((r) => ({ label: r.label, lines: r.lines, files: filesIn(submission.answers[r.fieldName]) }))
      : Object.entries(submission.answers).map(([label, value]) => ({ label, lines: [JSON.stringify(value)], files: filesIn(value) }));
    return { submission, rows, deliveries: await this.deps.delivery.repository.forSubmission(id) };
  }

  /** A file in a submission's answers: only files the submission holds can be read through it. */
  async submissionFile(submissionId: string, fileId: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
    const submission = await this.repository.submission(submissionId);
    if (!submission || !filesIn(submission.answers).some((f) => f.fileId === fileId)) return null;
    return this.deps.files.read(fileId);
  }

  /**
   * The form's submissions as CSV, streamed. Columns come from every version (the latest's order
   * first); each answer is written by the version it was made with.
   */
  async exportCsv(formId: string): Promise<AsyncGenerator<string> | null> {
    const versions = await this.repository.versions(formId);
    if (!versions.length) return null;
    const byVersion = new Map<number, Map<string, Question>>();
    const columns = new Map<string, Question>();
    for (const { version } of versions) {
      const form = await this.deps.forms.version(formId, version);
      const questions = form ? questionsOf(form) : [];
      byVersion.set(version, new Map(questions.map((q) => [q.name, q])));
      for (const q of questions) if (!columns.has(q.name)) columns.set(q.name, q);
    }
    const lists = [...columns.values()].filter((q) => q.itemFields.length).map((q) => q.name);
    const { headers, columns: cells } = exportColumns([...columns.values()], await this.repository.longestLists(formId, lists));
    return csvLines(cells, headers, this.repository.allSubmissions(formId), (v) => byVersion.get(v) ?? new Map());
  }

  failedDeliveries(page: number): Promise<{ rows: FailedDelivery[]; total: number }> {
    return this.deps.delivery.repository.failed(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  }

  retryDelivery(deliveryId: string, actor: Actor): Promise<boolean> {
    return this.deps.delivery.retry(deliveryId, actor);
  }
}
