import { SIGNATURE_HEADER, sign } from '../../../platform/webhooks/signature.ts';
import { failure, type Attempt } from './outcome.ts';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** Sent as `Idempotency-Key`, so a receiver can ignore a delivery it has already taken. */
  deliveryId: string;
  payload: Record<string, unknown>;
  timeoutMs?: number;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_ERROR_TEXT = 300;

/**
 * POSTs the payload as signed JSON. A 2xx is delivered; 408, 429 and 5xx are worth another try
 * later, as are timeouts and network errors; any other 4xx means the receiver will never take
 * this request, so there is no point retrying.
 */
export async function postWebhook(request: WebhookRequest): Promise<Attempt> {
  const body = JSON.stringify(request.payload);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lastmile-Forms/1',
        'idempotency-key': request.deliveryId,
        [SIGNATURE_HEADER]: sign(request.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return failure(`No answer within ${(request.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} seconds`, false);
    }
    return failure(`Could not connect: ${describeNetworkError(error)}`, false);
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true, externalReference: referenceIn(text) };
  const summary = `The receiver answered ${response.status}${text ? `: ${text.slice(0, MAX_ERROR_TEXT)}` : ''}`;
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  return failure(summary, !retryable);
}

/** A receiver may answer `{"reference": "…"}` (or `id`): its own reference, shown to staff beside ours. */
function referenceIn(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    for (const key of ['reference', 'id']) {
      const value: unknown = Object.hasOwn(parsed, key) ? Reflect.get(parsed, key) : undefined;
      if (typeof value === 'string' || typeof value === 'number') return String(value).slice(0, 200);
    }
  } catch {
    // Not JSON: the receiver kept no reference for us.
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  return cause instanceof Error ? cause.message : error.message;
}
