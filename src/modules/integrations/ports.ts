import type { Executor } from '../../platform/db/database.ts';
import type { ReportState, StateChange, StateChangeResult } from '../reports/contracts.ts';

/** What a contractor is told about a report. */
export interface ReportForContractor {
  id: string;
  reference: string;
  categoryCode: string;
  state: ReportState;
  lon: number;
  lat: number;
  description: string;
  locationDescription?: string | null;
  /** Answers to the category's questions, keyed by field name; sent as Open311 attributes. */
  answers: Record<string, unknown>;
  reporter: { name?: string | null; email?: string | null; phone?: string | null };
  assetId?: string | null;
  usrn?: string | null;
  /** Public addresses of the report's photos, if any. */
  photoUrls?: string[];
  createdAt: Date;
}

/**
 * What this module needs from the reports core. The core hands it over once, in its setUp or
 * ours (see `connectReports` in index.ts); integrations never reads the core's tables itself.
 */
export interface ReportsPort {
  /** The report as it stands; `executor` lets the submit transaction see a report it has not committed yet. */
  find(reportId: string, executor?: Executor): Promise<ReportForContractor | null>;
  /** ReportUpdates.apply: a state change, applied once per `externalUpdateId`; `from` must be the state now. */
  apply(change: StateChange): Promise<StateChangeResult>;
  /**
   * Keeps the contractor's reference on the report itself (reports.external_reference), in the
   * transaction that marks the delivery sent. Optional: the deliveries table keeps it either way.
   */
  recordExternalReference?(executor: Executor, reportId: string, reference: string): Promise<void>;
}
