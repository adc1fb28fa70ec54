import type { SubmissionRecord } from '../contracts.ts';
import { isRecord } from '../fields/json.ts';
import type { Question } from './answers.ts';
import { csvLine } from '../../../platform/http/csv.ts';

interface Column {
  header: string;
  /** The question this column shows; the submission's own version of it renders the answer. */
  question?: string;
  cell(submission: SubmissionRecord, own: Question | undefined): string;
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** "2026-06-04 15:15", London time: sorts as text and reads as a date in spreadsheets. */
function when(date: Date): string {
  const parts = Object.fromEntries(london.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The export's columns: the submission's own details, then one per question (the latest version's
 * first, then any only older versions asked), and for add-another questions one per item and
 * item question ("Items 2: Item"), as many items as the longest answer has.
 */
export function exportColumns(questions: Question[], longest: Record<string, number>): { headers: string[]; columns: Column[] } {
  const columns: Column[] = [
    { header: 'Reference', cell: (s) => s.reference },
    { header: 'Sent', cell: (s) => when(s.submittedAt) },
    { header: 'Form version', cell: (s) => String(s.formVersion) },
    { header: 'How it was sent', cell: (s) => (s.channel === 'assisted' ? 'By staff for the resident' : 'Online') },
    { header: 'Contact name', cell: (s) => s.contact.name ?? '' },
    { header: 'Contact email', cell: (s) => s.contact.email ?? '' },
    { header: 'Contact phone', cell: (s) => s.contact.phone ?? '' },
  ];
  for (const q of questions) {
    if (!q.itemFields.length) {
      columns.push({ header: q.label, question: q.name, cell: (s, own) => (own ?? q).field.summary(s.answers[q.name]).join('\n') });
      continue;
    }
    for (let i = 0; i < (longest[q.name] ?? 0); i++) {
      for (const item of q.itemFields) {
        const name = item.name;
        if (!name) continue;
        columns.push({
          header: `${q.label} ${i + 1}: ${item.label}`,
          question: q.name,
          cell: (s, own) => {
            const list = s.answers[q.name];
            const entry = Array.isArray(list) ? list[i] : undefined;
            const field = (own ?? q).itemFields.find((f) => f.name === name) ?? item;
            return isRecord(entry) ? field.summary(entry[name]).join('\n') : '';
          },
        });
      }
    }
  }
  return { headers: columns.map((c) => c.header), columns };
}

/** The CSV text, a line at a time: a byte-order mark so Excel reads UTF-8, the headers, then a line per submission. */
export async function* csvLines(
  columns: Column[],
  headers: string[],
  submissions: AsyncIterable<SubmissionRecord>,
  questionsFor: (version: number) => Map<string, Question>,
): AsyncGenerator<string> {
  yield `\ufeff${csvLine(headers)}`;
  for await (const s of submissions) {
    const own = questionsFor(s.formVersion);
    yield csvLine(columns.map((c) => c.cell(s, c.question ? own.get(c.question) : undefined)));
  }
}
