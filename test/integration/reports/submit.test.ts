import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ReportRejected, type ContractorDispatch } from '../../../src/modules/reports/index.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { assetOf, jobsFor, messagesAbout, potholeAt, reportsPlatform, streetlightReport, streetOf, waitFor, type ReportsTest } from './support.ts';

const DAY = 24 * 3600 * 1000;

describe('submitting a report', () => {
  let test: ReportsTest;
  const dispatched: { reportId: string; inTransaction: boolean; sawReport: boolean }[] = [];
  let failDispatch = false;

  before(async () => {
    test = await reportsPlatform();
    const { core } = test;
    // A stand-in for the integrations module's dispatch, recording what it was given.
    const dispatch: ContractorDispatch = {
      async enqueue(trx, reportId) {
        if (failDispatch) throw new Error('contractor routing table is unavailable');
        dispatched.push({ reportId, inTransaction: trx.isTransaction, sawReport: (await core.records.find(reportId, trx)) !== null });
      },
    };
    core.useContractorDispatch(dispatch);
  });
  after(async () => test.close());

  const db = () => reportsDb(test.t.platform.services.db);

  it('stores the report, its first update, the reporter’s subscription, a confirmation, its jobs, the dispatch and an audit entry', async () => {
    const street = await streetOf(test, 'council', 1);
    const before = Date.now();
    const { id, reference } = await test.core.pipeline.submit(potholeAt(street.middle, { locationDescription: 'Outside number 12' }));
    assert.match(reference, /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);

    const report = await test.core.records.find(id);
    assert.ok(report);
    assert.equal(report.reference, reference);
    assert.equal(report.state, 'open');
    assert.equal(report.categoryCode, 'pothole');
    assert.equal(report.priority, 'standard', 'a medium, deep pothole on the road');
    assert.equal(report.usrn, street.usrn);
    assert.equal(report.locationDescription, 'Outside number 12');
    assert.deepEqual(report.answers, { size: 'medium', depth: 'deep', where: 'road' });
    assert.equal(report.reporter.email, 'ada@example.com');
    const dueIn = (report.dueAt?.getTime() ?? 0) - report.createdAt.getTime();
    assert.ok(Math.abs(dueIn - 5 * DAY) < 1000, 'due in 5 days');

    const updates = await test.core.records.updates(id);
    assert.equal(updates.length, 1);
    assert.equal(updates[0]?.toState, 'open');
    assert.match(updates[0]?.text ?? '', /Thank you for your report/);

    const subscriptions = await db().selectFrom('report_subscriptions').selectAll().where('report_id', '=', id).execute();
    assert.equal(subscriptions.length, 1);
    assert.equal(subscriptions[0]?.email, 'ada@example.com');

    const messages = await messagesAbout(test, reference);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.recipient, 'ada@example.com');
    assert.equal(messages[0]?.subject, `We have your report: ${reference}`);
    assert.match(messages[0]?.body ?? '', new RegExp(`Pothole at ${street.name}`));
    assert.match(messages[0]?.body ?? '', /\/reports\/unsubscribe\/[A-Za-z0-9_-]{43}/);

    const jobs = await jobsFor(test, id);
    const ask = jobs.find((j) => j.name === 'reports.ask_if_fixed');
    assert.ok(ask, 'the "has it been fixed?" job');
    assert.ok(Math.abs(ask.startAfter.getTime() - (before + 28 * DAY)) < 60_000, 'asked four weeks later');

    assert.deepEqual(dispatched.at(-1), { reportId: id, inTransaction: true, sawReport: true });

    const audit = await test.t.platform.services.audit.forSubject('report', id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'reports.created');
    assert.deepEqual(audit[0]?.details, { reference, category: 'pothole', channel: 'web', priority: 'standard', open311Client: null });
  });

  it('stores nothing at all when a step inside the transaction fails', async () => {
    const street = await streetOf(test, 'council', 2);
    const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(test.t.platform.services.db)).rows[0]?.n);
    const tables = ['reports', 'report_updates', 'report_subscriptions', 'notify_messages', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    const jobsBefore = Number((await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'reports.ask_if_fixed'`.execute(test.t.platform.services.db)).rows[0]?.n);
    failDispatch = true;
    try {
      await assert.rejects(test.core.pipeline.submit(potholeAt(street.middle, { description: 'This one must not be kept' })), /contractor routing table is unavailable/);
    } finally {
      failDispatch = false;
    }
    assert.deepEqual(await Promise.all(tables.map(count)), before);
    const jobsAfter = Number((await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'reports.ask_if_fixed'`.execute(test.t.platform.services.db)).rows[0]?.n);
    assert.equal(jobsAfter, jobsBefore);
  });

  it('refuses what it cannot accept, naming the field', async () => {
    const street = await streetOf(test, 'council', 2);
    const motorway = await streetOf(test, 'national_highways');
    const refused = async (input: Parameters<typeof test.core.pipeline.submit>[0], field: string, message?: RegExp) =>
      assert.rejects(test.core.pipeline.submit(input), (error: unknown) => error instanceof ReportRejected && error.field === field && (!message || message.test(error.message)), field);
    await refused(potholeAt(street.middle, { description: 'x'.repeat(4001) }), 'description', /4,000 characters or less/);
    await refused(potholeAt(street.middle, { description: '   ' }), 'description', /Describe the problem/);
    await refused(potholeAt(street.middle, { reporter: { email: 'not an email', showName: false } }), 'email');
    await refused(potholeAt(street.middle, { answers: { size: 'enormous', depth: 'deep', where: 'road' } }), 'size');
    await refused(potholeAt(street.middle, { answers: { size: 'small', where: 'road' } }), 'depth');
    await refused(potholeAt(street.middle, { categoryCode: 'fly_tipping' }), 'category');
    await refused(potholeAt([-2.2446, 53.4794]), 'location', /outside Stockport/);
    await refused(potholeAt(motorway.middle), 'location', /National Highways/);
    await refused(potholeAt([-2.1, 95]), 'location');
    await refused(potholeAt(street.middle, { channel: 'phone' }), 'staffId');
    await refused(potholeAt(street.middle, { photoFileIds: ['6f1c1d9e-9b1c-4a59-9a57-0d1b0c6e7a11'] }), 'photos');
    await refused(potholeAt(street.middle, { reporter: { userId: '6f1c1d9e-9b1c-4a59-9a57-0d1b0c6e7a11', showName: false } }), 'reporter');
  });

  it('makes a dangerous streetlight an emergency, due in two hours, and tells the reporter the number to call', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 10);
    const { id, reference } = await test.core.pipeline.submit(streetlightReport(light, { answers: { fault: 'damaged' }, lon: 0, lat: 0 }));
    const report = await test.core.records.find(id);
    assert.equal(report?.priority, 'emergency');
    assert.equal((report?.dueAt?.getTime() ?? 0) - (report?.createdAt.getTime() ?? 0), 2 * 3600 * 1000);
    assert.equal(report?.assetId, light.id);
    assert.deepEqual([report?.lon, report?.lat], [light.lon, light.lat], 'the asset’s own place, not the point sent');
    const [message] = await messagesAbout(test, reference);
    assert.match(message?.body ?? '', /If it is dangerous now, call us on 0161 217 6111/);
  });

  it('confirms by the signed-in person’s preferences: text only, both, or neither', async () => {
    const { accounts } = test.t.platform.services;
    const street = await streetOf(test, 'council', 4);
    const person = async (email: string, phone: string, notifyEmail: boolean, notifySms: boolean) => {
      const userId = await accounts.createVerifiedUser({ email, password: 'correct horse battery staple' }, { userId: null });
      await test.t.platform.services.db.updateTable('users').set({ phone, notify_email: notifyEmail, notify_sms: notifySms }).where('id', '=', userId).execute();
      return userId;
    };
    const textOnly = await person('texts@example.com', '07700 900123', false, true);
    const both = await person('both@example.com', '+447700900456', true, true);
    const neither = await person('quiet@example.com', '07700 900789', false, false);
    const sent = async (userId: string) => {
      const { reference } = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { userId, showName: false } }));
      return (await messagesAbout(test, reference)).map((m) => `${m.channel} ${m.recipient}`);
    };
    assert.deepEqual(await sent(textOnly), ['sms +447700900123']);
    assert.deepEqual(await sent(both), ['email both@example.com', 'sms +447700900456']);
    assert.deepEqual(await sent(neither), []);
  });

  it('texts someone who gave only a mobile number, and sends nothing to someone who gave no contact', async () => {
    const street = await streetOf(test, 'council', 5);
    const mobile = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { phone: '07700 900321', showName: false } }));
    const [text] = await messagesAbout(test, mobile.reference);
    assert.equal(text?.channel, 'sms');
    assert.equal(text?.recipient, '+447700900321');
    assert.match(text?.body ?? '', new RegExp(`reference ${mobile.reference}`));
    const anonymous = await test.core.pipeline.submit(potholeAt(street.middle, { channel: 'open311', open311ClientId: 'fixmystreet', reporter: { showName: false } }));
    assert.deepEqual(await messagesAbout(test, anonymous.reference), []);
    assert.equal((await db().selectFrom('report_subscriptions').select('id').where('report_id', '=', anonymous.id).execute()).length, 0);
  });

  it('asks the contractor dispatch again after a report is moved to another category', async () => {
    await test.t.platform.services.jobs.work(0.5);
    const light = await assetOf(test, 'streetlights', 'ok', 12);
    const { id } = await test.core.pipeline.submit(streetlightReport(light));
    const staff = await test.t.platform.services.accounts.createVerifiedUser({ email: 'router@example.com', password: 'correct horse battery staple', roles: ['highways_officer'] }, { userId: null });
    assert.equal((await test.core.updates.changeCategory(id, 'blocked_drain', staff)).ok, true);
    await waitFor(async () => (dispatched.filter((d) => d.reportId === id).length === 2 ? true : undefined));
    assert.deepEqual(dispatched.filter((d) => d.reportId === id).map((d) => d.inTransaction), [true, true]);
  });

  it('lets someone else follow an open report once ("this is my problem too"), but not a closed one', async () => {
    const street = await streetOf(test, 'council', 6);
    const { id, reference } = await test.core.pipeline.submit(potholeAt(street.middle));
    await test.core.pipeline.subscribe(id, { email: 'Neighbour@Example.com', showName: false });
    await test.core.pipeline.subscribe(id, { email: 'neighbour@example.com', showName: false });
    const followers = await db().selectFrom('report_subscriptions').select('email').where('report_id', '=', id).orderBy('created_at').execute();
    assert.deepEqual(followers.map((f) => f.email?.toLowerCase()), ['ada@example.com', 'neighbour@example.com']);
    const toNeighbour = (await messagesAbout(test, reference)).filter((m) => m.recipient.toLowerCase() === 'neighbour@example.com');
    assert.equal(toNeighbour.length, 1, 'one message, not one per click');
    assert.match(toNeighbour[0]?.subject ?? '', /You will get updates on report/);

    await assert.rejects(test.core.pipeline.subscribe(id, { showName: false }), (error: unknown) => error instanceof ReportRejected && error.field === 'email');
    await test.core.updates.apply({ reportId: id, from: 'open', to: 'closed_not_responsible', actor: { kind: 'staff', id: null } });
    await assert.rejects(test.core.pipeline.subscribe(id, { email: 'late@example.com', showName: false }), /closed/);
  });
});
