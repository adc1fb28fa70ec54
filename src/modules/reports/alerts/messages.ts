/** One new report as an alert email lists it: what, where and when, and its public page. Never who. */
export interface ListedReport {
  categoryName: string;
  street: string | null;
  createdAt: Date;
  link: string;
}

function day(when: Date): string {
  return when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

export function confirmAlert(councilName: string, about: string, links: { confirm: string }, days: number): { subject: string; body: string } {
  return {
    subject: 'Confirm your email alert',
    body: `Someone, probably you, asked ${councilName} to email this address when problems are reported ${about}.\n\nTo start the alert, open this link and press the button: ${links.confirm}\n\nThe link works for ${days} days. If you did not ask for this, ignore this email: we will not email you about it again.`,
  };
}

/** For a sign-up the address already has: nothing to do, and how to stop it if that is what they meant. */
export function alreadyAlerted(councilName: string, about: string, links: { unsubscribe: string }): { subject: string; body: string } {
  return {
    subject: 'You already get this email alert',
    body: `Someone, probably you, asked ${councilName} to email this address when problems are reported ${about}.\n\nYou already get these alerts, so nothing has changed and you do not need to do anything.\n\nTo stop these emails: ${links.unsubscribe}`,
  };
}

export function newReports(councilName: string, about: string, listed: ListedReport[], total: number, links: { more: string; unsubscribe: string }): { subject: string; body: string } {
  const lines = listed.map((r) => `${r.categoryName}${r.street ? ` on ${r.street}` : ''}, reported ${day(r.createdAt)}\n${r.link}`);
  const more = total > listed.length ? `\n\n…and ${total - listed.length} more: ${links.more}` : '';
  return {
    subject: total === 1 ? `1 new problem reported ${about}` : `${total} new problems reported ${about}`,
    body: `New problems reported to ${councilName} ${about}:\n\n${lines.join('\n\n')}${more}\n\nTo stop these emails: ${links.unsubscribe}`,
  };
}
