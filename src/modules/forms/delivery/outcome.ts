/** What one attempt to deliver came to. `permanent` failures are not retried: trying again cannot help. */
export type Attempt = { ok: true; externalReference?: string } | { ok: false; error: string; permanent: boolean };

/** Thrown by a module's handler when retrying cannot help (the submission is not one it can take). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export function failure(error: string, permanent: boolean): Attempt {
  return { ok: false, error, permanent };
}
