import type { Executor } from '../../platform/db/database.ts';

/**
 * The seams inside the reports module, fixed first so the core (pipeline, assets, data),
 * the Open311 server, the contractor integrations and the resident and staff pages can be
 * built side by side. Change them only with a note to the others.
 */

export type ReportState =
  | 'open'
  | 'investigating'
  | 'action_scheduled'
  | 'in_progress'
  | 'fixed'
  | 'closed_not_responsible'
  | 'closed_duplicate'
  | 'closed_no_further_action'
  | 'closed_internal_referral';

export type Priority = 'emergency' | 'urgent' | 'standard' | 'low';

export type Channel = 'web' | 'assisted' | 'open311' | 'phone';

/** A kind of problem a resident can report (Open311 calls it a service). */
export interface Category {
  code: string;
  name: string;
  /** Open311 `group` (mySociety extension), e.g. "Street lighting". */
  group: string;
  description: string;
  /** The asset layer a report of this kind is about, if any. */
  assetLayer?: 'streetlights' | 'gullies';
  /** The forms-engine form holding this category's questions (the "what" step). */
  formId: string;
  defaultPriority: Priority;
  /** Where the point must be: a streetlight or gully asset, or any point on a street. */
  locatedBy: 'asset' | 'street';
}

export interface Reporter {
  userId?: string | null;
  name?: string;
  email?: string;
  phone?: string;
  /** Whether the name may appear on public pages. */
  showName: boolean;
}

export interface NewReport {
  categoryCode: string;
  lon: number;
  lat: number;
  assetId?: string;
  usrn?: string;
  /** What the resident wrote about the problem (≤ 4,000 characters). */
  description: string;
  /** Where exactly, in words (the non-map way). */
  locationDescription?: string;
  /** Answers to the category's questions, keyed by field name. */
  answers: Record<string, unknown>;
  photoFileIds: string[];
  reporter: Reporter;
  channel: Channel;
  /** Staff member reporting for a caller (assisted digital). */
  staffId?: string;
  /** The Open311 client (API key) that sent it. */
  open311ClientId?: string;
}

export type Responsibility = 'council' | 'national_highways' | 'private' | 'outside_borough';

export interface NearbyReport {
  id: string;
  reference: string;
  categoryCode: string;
  state: ReportState;
  distanceMetres: number;
  createdAt: Date;
  assetId: string | null;
}

export interface LocateResult {
  responsibility: Responsibility;
  /** Plain-English "who to contact instead" when it is not the council's. */
  responsibleMessage?: string;
  ward: { code: string; name: string } | null;
  street: { usrn: string; name: string } | null;
  asset: { id: string; layer: string; status: 'reportable' | 'in_programme' | 'reported' } | null;
  nearby: NearbyReport[];
}

/** Thrown for input the pipeline refuses; `field` names what was wrong for error summaries and Open311 errors. */
export class ReportRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The one way in for every report, whatever the channel (web form, staff, Open311). */
export interface ReportPipeline {
  locate(categoryCode: string, lon: number, lat: number, assetId?: string): Promise<LocateResult>;
  /** Validates, locates, stores the report and its follow-up jobs in one transaction. */
  submit(input: NewReport): Promise<{ id: string; reference: string }>;
  /** "This is my problem too": subscribes a person to an existing report instead of a duplicate. */
  /** `takenBy`: a member of staff adding a caller (assisted digital), recorded as the actor with the channel. */
  subscribe(reportId: string, subscriber: Reporter, takenBy?: { staffId: string; channel: Channel }): Promise<void>;
}

export interface StateChange {
  reportId: string;
  from: ReportState;
  to: ReportState;
  /** Public update text shown on the report page and sent to subscribers. */
  publicText?: string;
  /** Who changed it: a staff id, an Open311 client id, or 'system'. */
  actor: { kind: 'staff' | 'open311' | 'contractor' | 'system'; id: string | null };
  /** The external system's id for this update, so an update is applied once. */
  externalUpdateId?: string;
  occurredAt?: Date;
}

/** How reports of a category reach a contractor's system (integrations module). */
export type ContractorRoute =
  | { type: 'open311'; endpoint: string; apiKeyEnv: string; jurisdictionId?: string; serviceCode: string }
  | { type: 'webhook'; url: string; secretEnv: string };

/*
 * Added by the core (see the core's closing report): the seams the integrations module and the
 * Open311 server plug into. Nothing above this line changed.
 */

/** The result of applying a StateChange; refusals are values, so Open311 and contractors can map them. */
export type StateChangeResult =
  | { outcome: 'applied'; updateId: string }
  /** An update with this `externalUpdateId` was applied before: nothing changed this time. */
  | { outcome: 'already_applied'; updateId: string }
  | { outcome: 'refused'; reason: 'not_found' | 'stale' | 'not_allowed'; message: string };

/** The state-change service (ReportUpdates.apply). `from` must be the report's state now, or the result is 'stale'. */
export interface ReportStateChanges {
  apply(change: StateChange): Promise<StateChangeResult>;
}

/** A report moved to another category after it was made: its contractor may have changed. */
export interface ReportRerouted {
  reportId: string;
  fromCategory: string;
  toCategory: string;
}

/**
 * How reports reach contractors (integrations module). `enqueue` runs inside the submit
 * transaction, so a dispatch exists exactly when the report does; `rerouted` runs from the
 * 'reports.rerouted' job after a category change commits.
 */
export interface ContractorDispatch {
  enqueue(trx: Executor, reportId: string): Promise<unknown>;
  rerouted?(event: ReportRerouted): Promise<void>;
}
