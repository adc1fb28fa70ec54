import { formatDate } from '../../../platform/views/index.ts';
import type { SubmissionRecord } from '../contracts.ts';
import { isFileAnswer } from '../fields/file-upload.ts';

/**
 * A submission as plain text for a back-office mailbox: the reference and contact first, then the
 * answers. `answersText` is the engine's own text of the answers (each question, then its answer);
 * a mapped payload is written key by key instead, add-another lists numbered.
 */
export function submissionText(submission: SubmissionRecord, body: { answersText: string } | { payload: Record<string, unknown> }): string {
  const contact = [submission.contact.name, submission.contact.email, submission.contact.phone].filter(Boolean).join(', ');
  const head = [
    submission.formTitle,
    `Reference: ${submission.reference}`,
    `Sent: ${formatDate(submission.submittedAt, true)}`,
    ...(submission.channel === 'assisted' ? ['Filled in by a member of staff for the resident'] : []),
    ...(contact ? [`Contact: ${contact}`] : []),
  ];
  const answers = 'answersText' in body ? body.answersText : lines(body.payload, '').join('\n');
  return [...head, '', answers].join('\n');
}

function lines(values: Record<string, unknown>, indent: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const label = humanise(key);
    if (Array.isArray(value) && value.some(isRecord) && !value.every(isFileAnswer)) {
      out.push(`${indent}${label}:`);
      value.forEach((item, i) => {
        out.push(`${indent}  ${i + 1}.`);
        out.push(...(isRecord(item) ? lines(item, `${indent}    `) : [`${indent}    ${inline(item)}`]));
      });
    } else if (isRecord(value) && !isFileAnswer(value)) {
      out.push(`${indent}${label}:`, ...lines(value, `${indent}  `));
    } else {
      out.push(`${indent}${label}: ${inline(value)}`);
    }
  }
  return out;
}

function inline(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not given';
  if (Array.isArray(value)) return value.length ? value.map(inline).join(', ') : 'Not given';
  if (isFileAnswer(value)) return `${value.name} (file)`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "contactEmail" and "contact_email" → "Contact email". */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
