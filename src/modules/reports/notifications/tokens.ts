import { createHash, createHmac, randomBytes } from 'node:crypto';
import { ReporterTokens } from '../web/reporter-token.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Tokens in the links we send. An unsubscribe link goes in every update for as long as someone is
 * subscribed, so its token is derived from the subscription's id with a key made from the server
 * secret, and only its hash is stored (a leaked table unsubscribes nobody). A "has it been fixed?"
 * link is sent once, so its token is random.
 */
export class ReportTokens {
  private readonly key: Buffer;
  /** The reporter's tracking-link tokens, for their confirmation message: the same scheme as the confirmation page's link. */
  readonly reporter: ReporterTokens;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('lastmile.reports.unsubscribe').digest();
    this.reporter = new ReporterTokens(serverSecret);
  }

  unsubscribeToken(subscriptionId: string): string {
    return createHmac('sha256', this.key).update(subscriptionId).digest('base64url');
  }

  unsubscribeHash(subscriptionId: string): string {
    return hashToken(this.unsubscribeToken(subscriptionId));
  }

  static questionnaireToken(): { token: string; hash: string } {
    const token = randomBytes(24).toString('base64url');
    return { token, hash: hashToken(token) };
  }
}

/** A token as it may arrive in a URL: base64url, of the lengths we make. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,64}$/.test(value);
}
