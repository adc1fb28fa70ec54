import { createHash, createHmac, randomBytes } from 'node:crypto';
import { ReporterTokens } from '../web/reporter-token.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Tokens for links that go in every message for as long as something lasts (an unsubscribe link): derived from the
 * thing's id with a key made from the server secret and a purpose of its own, so no two kinds of link ever match.
 * Only their hashes are stored: a leaked table stops nothing.
 */
export class DerivedTokens {
  private readonly key: Buffer;

  constructor(serverSecret: string, purpose: string) {
    this.key = createHmac('sha256', serverSecret).update(purpose).digest();
  }

  token(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }

  hash(id: string): string {
    return hashToken(this.token(id));
  }
}

/** A token for a link sent once (a "has it been fixed?" question, a confirmation), and the hash to store. */
export function oneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * Tokens in the links we send about reports: the unsubscribe link in every update to a subscriber, and the
 * reporter's tracking link.
 */
export class ReportTokens {
  private readonly unsubscribe: DerivedTokens;
  /** The reporter's tracking-link tokens, for their confirmation message: the same scheme as the confirmation page's link. */
  readonly reporter: ReporterTokens;

  constructor(serverSecret: string) {
    this.unsubscribe = new DerivedTokens(serverSecret, 'lastmile.reports.unsubscribe');
    this.reporter = new ReporterTokens(serverSecret);
  }

  unsubscribeToken(subscriptionId: string): string {
    return this.unsubscribe.token(subscriptionId);
  }

  unsubscribeHash(subscriptionId: string): string {
    return this.unsubscribe.hash(subscriptionId);
  }
}

/** A token as it may arrive in a URL: base64url, of the lengths we make. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,64}$/.test(value);
}
