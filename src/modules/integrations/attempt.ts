/**
 * What one attempt to send a report came to. A failure says whether trying again could help
 * (`permanent`) and whether the contractor may have acted on it anyway (`maybeReceived`).
 * `staffToCheck`: whether it arrived cannot be found out, so staff check by hand and "Resend" posts it again.
 */
export type Attempt =
  | { ok: true; externalId?: string; token?: string }
  | { ok: false; error: string; permanent: boolean; maybeReceived: boolean; staffToCheck?: true };

export function failure(error: string, permanent: boolean, maybeReceived = false): Attempt {
  return { ok: false, error, permanent, maybeReceived };
}
