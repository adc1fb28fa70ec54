import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in the tracking link a reporter is given: it lets someone without an account add
 * information to their own report and reopen it. Derived from the reference with a key made from
 * the server secret, so nothing is stored and a guessed reference is not enough.
 */
export class ReporterTokens {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('lastmile.reports.reporter').digest();
  }

  tokenFor(reference: string): string {
    return createHmac('sha256', this.key).update(reference).digest('base64url');
  }

  matches(reference: string, token: unknown): boolean {
    if (typeof token !== 'string' || token.length !== 43) return false;
    return timingSafeEqual(Buffer.from(this.tokenFor(reference)), Buffer.from(token));
  }
}
