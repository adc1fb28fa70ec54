import { csvLine } from '../../../platform/http/csv.ts';
import type { QueueRow } from './queue.ts';
import { PRIORITY_LABELS, stateLabel } from './labels.ts';

/** The filtered queue as CSV lines: a byte-order mark so Excel reads UTF-8, headers, then a line per report. */
export async function* queueCsv(rows: AsyncIterable<QueueRow>, wardName: (code: string | null) => string): AsyncGenerator<string> {
  yield `\ufeff${csvLine(['Reference', 'Category', 'Status', 'Priority', 'Ward', 'Street', 'Location', 'Reported', 'Due', 'Overdue', 'Team', 'Inspector', 'Hidden'])}`;
  for await (const r of rows) {
    yield csvLine([
      r.reference,
      r.categoryName,
      stateLabel(r.state),
      PRIORITY_LABELS[r.priority],
      wardName(r.wardCode),
      r.street ?? '',
      r.locationDescription ?? '',
      r.createdAt.toISOString(),
      r.dueAt?.toISOString() ?? '',
      r.overdue ? 'Yes' : 'No',
      r.teamName ?? '',
      r.inspectorName ?? '',
      r.hidden ? 'Yes' : 'No',
    ]);
  }
}
