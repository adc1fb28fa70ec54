import type { TestClient } from '../../../support/client.ts';
import { signedInResident } from '../../account/support.ts';
import { potholeAt, reportsPlatform, streetOf, type ReportsTest } from '../support.ts';
import type { NewReport } from '../../../../src/modules/reports/index.ts';

export interface BackOfficeTest {
  test: ReportsTest;
  officer: { client: TestClient; userId: string };
  inspector: { client: TestClient; userId: string };
  /** A new pothole report on a council street. */
  newReport(overrides?: Partial<NewReport>): Promise<{ id: string; reference: string }>;
}

/** The platform with the demo borough, a highways officer and an inspector signed in (second factor optional). */
export async function backOffice(): Promise<BackOfficeTest> {
  const test = await reportsPlatform({ STAFF_2FA: 'optional' });
  const street = await streetOf(test, 'council', 1);
  const officer = await signedInResident(test.t, { roles: ['highways_officer'], name: 'Hilda Highways' });
  const inspector = await signedInResident(test.t, { roles: ['inspector'], name: 'Ian Inspector' });
  return { test, officer, inspector, newReport: (overrides = {}) => test.core.pipeline.submit(potholeAt(street.middle, overrides)) };
}

export function idsIn(html: string): string[] {
  return [...html.matchAll(/name="reports" type="checkbox" value="([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');
}
