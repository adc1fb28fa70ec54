import type { AccountCardProvider } from '../../../platform/identity/personal-data.ts';
import type { ReportAlerts } from './service.ts';

const TITLE = 'Email alerts about street reports';

/**
 * "Email alerts about street reports" on My Account: each started alert as a link to the page that stops
 * it (the one every alert email links to), and where to ask for another. Alerts waiting for their
 * confirmation link are left out: nothing is sent for them yet, and they go by themselves in a week.
 */
export function alertsCard(alerts: ReportAlerts): AccountCardProvider {
  return {
    id: 'report-alerts',
    async card(userId) {
      const mine = await alerts.ofAccount(userId);
      const link = { href: '/reports/alerts', text: 'Set up a new alert' };
      if (!mine.length) return { title: TITLE, items: [], emptyText: 'You do not get any email alerts about problems reported in the street.', link };
      // The card's only link per line, so its words say what pressing it does and which alert it is.
      const items = mine.map((a) => ({ text: `Stop alerts about ${a.everyKind ? 'all problems' : 'problems'} reported ${a.about}`, href: a.stopLink }));
      return { title: TITLE, items, link };
    },
  };
}
