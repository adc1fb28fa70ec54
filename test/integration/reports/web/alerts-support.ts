import assert from 'node:assert/strict';
import type { Services } from '../../../../src/platform/services.ts';
import { reportsPlatform, streetOf, type ReportsTest, type StreetPlace } from '../support.ts';

/** A reports platform with a council street and the ward it is in: where the alert tests report and sign up. */
export async function alertsBed(): Promise<{ test: ReportsTest; street: StreetPlace; wardCode: string; wardName: string }> {
  const test = await reportsPlatform();
  const street = await streetOf(test, 'council', 4);
  const ward = test.t.platform.services.geography.wardAt(street.middle[0], street.middle[1]);
  assert.ok(ward, 'the test street is in a ward');
  return { test, street, wardCode: ward.code, wardName: ward.name };
}

/** The emails sent to an address, oldest first. */
export function mailTo(services: Services, to: string): Promise<{ subject: string; body: string }[]> {
  return services.db.selectFrom('notify_messages').select(['subject', 'body']).where('recipient', '=', to).orderBy('created_at').execute();
}

/** The confirm or unsubscribe link in an alert email. */
export function linkIn(body: string | undefined, kind: 'confirm' | 'unsubscribe'): string {
  const found = new RegExp(`/reports/alerts/${kind}/([A-Za-z0-9_-]+)`).exec(body ?? '')?.[0];
  assert.ok(found, `a ${kind} link in the email`);
  return found;
}
