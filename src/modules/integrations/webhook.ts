import { SIGNATURE_HEADER, sign } from '../../platform/webhooks/signature.ts';
import type { ReportForContractor } from './ports.ts';
import type { Attempt } from './attempt.ts';

const MAX_ERROR_TEXT = 500;

/** The JSON a contractor's webhook receives: the report, with the reporter's contact details for follow-up. */
export function webhookPayload(report: ReportForContractor): Record<string, unknown> {
  return {
    event: 'report.routed',
    report: {
      id: report.id,
      reference: report.reference,
      category: report.categoryCode,
      state: report.state,
      description: report.description,
      location: { lat: report.lat, lon: report.lon, description: report.locationDescription ?? null, assetId: report.assetId ?? null, usrn: report.usrn ?? null },
      answers: report.answers,
      photos: report.photoUrls ?? [],
      reporter: { name: report.reporter.name ?? null, email: report.reporter.email ?? null, phone: report.reporter.phone ?? null },
      createdAt: report.createdAt.toISOString(),
    },
  };
}

/**
 * POSTs the report as signed JSON, with the delivery's id as `Idempotency-Key` so a receiver that
 * got an earlier attempt (whose answer we never saw) can ignore this one. 2xx is sent; 408, 429,
 * 5xx, timeouts and network errors are tried again; any other answer is final.
 */
export async function postReport(request: { url: string; secret: string; deliveryId: string; report: ReportForContractor; timeoutMs: number }): Promise<Attempt> {
  const body = JSON.stringify(webhookPayload(request.report));
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Lastmile-Integrations/1', 'idempotency-key': request.deliveryId, [SIGNATURE_HEADER]: sign(request.secret, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause: unknown = error instanceof Error ? error.cause : undefined;
    const reason = timedOut ? `No answer within ${request.timeoutMs / 1000} seconds` : `Could not reach the contractor: ${cause instanceof Error ? cause.message : String(error)}`;
    return { ok: false, error: reason, permanent: false, maybeReceived: true };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true, externalId: referenceIn(text) };
  const summary = `The contractor answered ${response.status}${text ? `: ${text.slice(0, MAX_ERROR_TEXT)}` : ''}`;
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  return { ok: false, error: summary, permanent: !retryable, maybeReceived: response.status >= 500 };
}

/** A receiver may answer `{"reference": "…"}` (or `id`): its own reference, kept as the external id. */
function referenceIn(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  for (const key of ['reference', 'id']) {
    const value: unknown = Reflect.get(parsed, key);
    if (typeof value === 'string' || typeof value === 'number') return String(value).slice(0, 200);
  }
  return undefined;
}
