import type { ReportForContractor } from '../ports.ts';
import { failure, type Attempt } from '../attempt.ts';
import type { Open311Client } from './client.ts';
import { isRequestFor, requestFields } from './request.ts';

/** How far either side of our attempts to look for a request an unanswered attempt created (clocks differ). */
const LOOK_MARGIN_MS = 15 * 60 * 1000;

/**
 * Sends the report as a service request, at most once. When an earlier attempt may have reached
 * the contractor (it timed out, or they answered 5xx), their request list is searched first for
 * one carrying our reference, and that one is adopted instead of posting a duplicate.
 */
export async function sendServiceRequest(
  client: Open311Client,
  report: ReportForContractor,
  serviceCode: string,
  earlier: { lookFirst: boolean; firstAttemptAt: Date | null },
  now: Date = new Date(),
): Promise<Attempt> {
  if (earlier.lookFirst) {
    const since = new Date((earlier.firstAttemptAt ?? now).getTime() - LOOK_MARGIN_MS);
    const listed = await client.findRequests(serviceCode, since, new Date(now.getTime() + LOOK_MARGIN_MS));
    if (!listed.ok) {
      if (!listed.permanent) return failure(`Could not check whether an earlier attempt reached the contractor: ${listed.error}`, false, true);
      // They cannot list requests, so this will not change: staff must look, and "Resend" posts it again.
      const error = `An earlier attempt may have reached the contractor, and they cannot be asked (${listed.error}). Check their system for council reference ${report.reference} before resending.`;
      return { ok: false, error, permanent: true, maybeReceived: true, staffToCheck: true };
    }
    const found = listed.value.find((request) => isRequestFor(request.description, report.reference));
    if (found) return { ok: true, externalId: found.serviceRequestId };
  }
  const posted = await client.postRequest(requestFields(report, serviceCode));
  if (!posted.ok) return posted;
  return { ok: true, externalId: posted.value.serviceRequestId, token: posted.value.token };
}
