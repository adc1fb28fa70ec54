import type { FieldMapping, SubmissionRecord } from '../contracts.ts';

/** The submission as JSON: what a target receives when its definition gives no mapping. */
export function submissionJson(submission: SubmissionRecord): Record<string, unknown> {
  return {
    id: submission.id,
    reference: submission.reference,
    formId: submission.formId,
    formVersion: submission.formVersion,
    formTitle: submission.formTitle,
    channel: submission.channel,
    submittedAt: submission.submittedAt.toISOString(),
    contact: submission.contact,
    answers: submission.answers,
  };
}

/**
 * Builds a target's payload. Each key takes the value at a dotted path in the submission
 * ("answers.items", "contact.email", "answers.items.0.name") or, after "=", a literal.
 * A path that leads nowhere gives null, so the receiver sees every key it was promised.
 */
export function applyMapping(submission: SubmissionRecord, mapping: FieldMapping | undefined): Record<string, unknown> {
  const whole = submissionJson(submission);
  if (!mapping) return whole;
  const payload: Record<string, unknown> = {};
  for (const [key, source] of Object.entries(mapping)) {
    payload[key] = source.startsWith('=') ? source.slice(1) : (valueAt(whole, source) ?? null);
  }
  return payload;
}

function valueAt(root: unknown, dottedPath: string): unknown {
  let here: unknown = root;
  for (const step of dottedPath.split('.')) {
    if (Array.isArray(here) && /^\d+$/.test(step)) here = here[Number(step)];
    else if (isRecord(here) && Object.hasOwn(here, step)) here = here[step];
    else return undefined;
  }
  return here;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
