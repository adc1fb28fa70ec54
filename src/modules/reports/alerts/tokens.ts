import { DerivedTokens, oneTimeToken } from '../notifications/tokens.ts';

/**
 * The two links an alert's emails carry: unsubscribe, in every email for as long as the alert lives (derived, with
 * a purpose of its own so it never matches a report subscription's), and confirm, sent once (random).
 */
export class AlertTokens {
  private readonly unsubscribe: DerivedTokens;

  constructor(serverSecret: string) {
    this.unsubscribe = new DerivedTokens(serverSecret, 'lastmile.reports.alerts.unsubscribe');
  }

  unsubscribeToken(alertId: string): string {
    return this.unsubscribe.token(alertId);
  }

  unsubscribeHash(alertId: string): string {
    return this.unsubscribe.hash(alertId);
  }

  static confirmToken(): { token: string; hash: string } {
    return oneTimeToken();
  }
}
