import { createHmac, randomBytes } from 'node:crypto';
import { hashToken } from '../notifications/tokens.ts';

/**
 * The two links an alert's emails carry. The unsubscribe link goes in every email for as long as the
 * alert lives, so it is derived from the alert's id with a key made from the server secret (its own
 * purpose, so it never matches a report subscription's); the confirmation link is sent once, so it
 * is random. Only hashes are stored: a leaked table confirms or stops nothing.
 */
export class AlertTokens {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('lastmile.reports.alerts.unsubscribe').digest();
  }

  unsubscribeToken(alertId: string): string {
    return createHmac('sha256', this.key).update(alertId).digest('base64url');
  }

  unsubscribeHash(alertId: string): string {
    return hashToken(this.unsubscribeToken(alertId));
  }

  static confirmToken(): { token: string; hash: string } {
    const token = randomBytes(24).toString('base64url');
    return { token, hash: hashToken(token) };
  }
}
