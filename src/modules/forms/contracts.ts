import type { Executor } from '../../platform/db/database.ts';

/**
 * The seams inside the forms module, fixed first so the engine (definitions, fields, journeys)
 * and the delivery side (targets, staff pages, assisted digital) can be built side by side.
 */

/** A stored file answer: the file itself lives in platform file storage. */
export interface FileAnswer {
  fileId: string;
  name: string;
  type: string;
  size: number;
}

/** Answers keyed by field name. Add-another answers are arrays of answer objects. */
export type Answers = Record<string, unknown>;

export interface SubmissionRecord {
  id: string;
  /** Short, unambiguous, with a check character, e.g. "BX7K-9M2Q-T". */
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  answers: Answers;
  channel: 'online' | 'assisted';
  /** The resident's account, when they have one. */
  userId: string | null;
  /** The member of staff who filled the form in for the resident (assisted digital). */
  staffId: string | null;
  contact: { name?: string; email?: string; phone?: string };
  submittedAt: Date;
}

/**
 * Turns answers into the target's payload: each key of the payload takes the value at a path
 * in the submission ("answers.items", "reference", "contact.email") or a literal ("=streetlight").
 * Without a mapping the payload is the whole submission.
 */
export type FieldMapping = Record<string, string>;

export type TargetDefinition =
  | { type: 'module'; handler: string; mapping?: FieldMapping }
  | { type: 'webhook'; url: string; /** Name of the environment variable holding the HMAC secret. */ secretEnv: string; mapping?: FieldMapping }
  | { type: 'email'; to: string; subject?: string; mapping?: FieldMapping };

/** A Lastmile module's typed handler for submissions (reports will register one). */
export interface SubmissionHandler {
  name: string;
  deliver(submission: SubmissionRecord, payload: Record<string, unknown>): Promise<{ externalReference?: string }>;
}

/** Called by the engine inside the submission's transaction, so deliveries exist exactly when it commits. */
export interface SubmissionDelivery {
  enqueue(trx: Executor, submission: SubmissionRecord, targets: TargetDefinition[]): Promise<void>;
}

/**
 * Assisted digital: a member of staff fills a form in for a resident. The staff pages put this in
 * the session; while it is there the journey stores submissions as channel 'assisted' with
 * `staffId`, for the resident's account when `residentUserId` is given, and `contact` supplies
 * the contact details the form's own fields do not.
 */
export interface AssistedContext {
  staffId: string;
  residentUserId?: string;
  contact: { name?: string; email?: string; phone?: string };
}

declare module 'fastify' {
  interface Session {
    assisted?: AssistedContext;
  }
}
