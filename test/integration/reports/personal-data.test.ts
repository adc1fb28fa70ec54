import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { PASSWORD, signedInResident, visibleText } from '../account/support.ts';
import { potholeAt, reportsPlatform, streetOf, type ReportsTest } from './support.ts';

describe('a resident’s reports in My Account', () => {
  let test: ReportsTest;
  let street: Awaited<ReturnType<typeof streetOf>>;
  before(async () => {
    test = await reportsPlatform();
    street = await streetOf(test, 'council', 1);
  });
  after(async () => test.close());

  const db = () => reportsDb(test.t.platform.services.db);

  it('shows a "Your reports" card with the latest reports and how many are open', async () => {
    const { client, userId } = await signedInResident(test.t, { name: 'Mary Seacole' });
    const first = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { userId, showName: false } }));
    const second = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { userId, showName: false } }));
    await test.core.updates.apply({ reportId: first.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' } });
    const page = visibleText((await client.get('/account')).body);
    assert.match(page, /Your reports/);
    assert.match(page, /1 report is still open/);
    assert.match(page, new RegExp(`Pothole reported \\d+ \\w+ \\d{4} \\(${second.reference}\\)`));
    assert.match(page, /Fixed/);
  });

  it('puts the person’s reports and the reports they follow in "download my data"', async () => {
    const { client, userId, email } = await signedInResident(test.t);
    const mine = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { userId, name: 'Mary', email, showName: true } }));
    const other = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { email: 'someone.else@example.com', showName: false } }));
    await test.core.pipeline.subscribe(other.id, { userId, showName: false });
    const data = JSON.parse((await client.get('/account/download')).body);
    const reports = data.reports;
    assert.deepEqual(reports.reportsYouMade.map((r: { reference: string }) => r.reference), [mine.reference]);
    assert.equal(reports.reportsYouMade[0].yourEmail, email);
    assert.equal(reports.reportsYouMade[0].updates[0].status, 'Reported');
    assert.deepEqual(reports.reportsYouFollow.map((s: { reference: string }) => s.reference).sort(), [mine.reference, other.reference].sort());
    assert.ok(!JSON.stringify(reports).includes('someone.else@example.com'), 'nobody else’s details');
  });

  it('keeps the reports without the person when the account is deleted, and stops their updates', async () => {
    const { client, userId, email } = await signedInResident(test.t);
    const made = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { userId, name: 'To Be Deleted', email, phone: '07700 900222', showName: true } }));
    const anonymously = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { name: 'Same Person', email: email.toUpperCase(), showName: false } }));
    const followed = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { email: 'neighbour@example.com', showName: false } }));
    await test.core.pipeline.subscribe(followed.id, { userId, showName: false });

    const deletePage = visibleText((await client.get('/account/delete')).body);
    assert.match(deletePage, /Problems you reported, such as potholes and broken streetlights, stay on our records and the public map without your name or contact details/);
    assert.equal((await client.post('/account/delete', { password: PASSWORD })).statusCode, 303);

    for (const { id } of [made, anonymously]) {
      const report = await test.core.records.find(id);
      assert.ok(report, 'the report is kept');
      assert.deepEqual(report.reporter, { userId: null, name: null, email: null, phone: null, showName: false });
      assert.equal(report.description, 'A deep pothole in the middle of the lane');
    }
    const left = await db().selectFrom('report_subscriptions').select(['report_id', 'email', 'user_id']).where('report_id', 'in', [made.id, anonymously.id, followed.id]).execute();
    assert.deepEqual(left.map((s) => s.email), ['neighbour@example.com'], 'only the neighbour still follows');
  });
});
