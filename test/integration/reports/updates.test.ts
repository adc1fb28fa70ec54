import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ReportRejected } from '../../../src/modules/reports/index.ts';
import { reportsDb } from '../../../src/modules/reports/tables.ts';
import { assetOf, jobsFor, messagesAbout, potholeAt, reportsPlatform, streetlightReport, streetOf, type ReportsTest } from './support.ts';

const DAY = 24 * 3600 * 1000;

describe('changing a report after it is made', () => {
  let test: ReportsTest;
  let street: Awaited<ReturnType<typeof streetOf>>;
  before(async () => {
    test = await reportsPlatform();
    street = await streetOf(test, 'council', 2);
  });
  after(async () => test.close());

  const newReport = (overrides: Parameters<typeof potholeAt>[1] = {}) => test.core.pipeline.submit(potholeAt(street.middle, overrides));
  const db = () => reportsDb(test.t.platform.services.db);

  it('moves a report through its states, keeping the dates that go with them and telling the reporter each time', async () => {
    const { id, reference } = await newReport();
    const scheduled = await test.core.updates.apply({ reportId: id, from: 'open', to: 'action_scheduled', actor: { kind: 'contractor', id: 'acme-highways' } });
    assert.equal(scheduled.outcome, 'applied');
    const fixedAt = new Date(Date.now() - 3600 * 1000);
    const fixed = await test.core.updates.apply({ reportId: id, from: 'action_scheduled', to: 'fixed', publicText: 'Filled with hot asphalt.', actor: { kind: 'contractor', id: 'acme-highways' }, occurredAt: fixedAt });
    assert.equal(fixed.outcome, 'applied');

    const report = await test.core.records.find(id);
    assert.equal(report?.state, 'fixed');
    assert.equal(report?.fixedAt?.getTime(), fixedAt.getTime());
    assert.equal(report?.closedAt, null);

    const updates = await test.core.records.updates(id);
    assert.deepEqual(updates.map((u) => [u.fromState, u.toState]), [[null, 'open'], ['open', 'action_scheduled'], ['action_scheduled', 'fixed']]);
    assert.match(updates[1]?.text ?? '', /repair list and a crew has been booked/, 'the pothole template, as no text was sent');
    assert.equal(updates[2]?.text, 'Filled with hot asphalt.');

    const sent = (await messagesAbout(test, reference)).map((m) => m.subject);
    assert.deepEqual(sent, [`We have your report: ${reference}`, `Your report ${reference}: Repair scheduled`, `Your report ${reference}: Fixed`]);

    const audit = await test.t.platform.services.audit.forSubject('report', id);
    const changes = audit.filter((a) => a.action === 'reports.state_changed').map((a) => [a.details.from, a.details.to, a.details.by]);
    assert.deepEqual(changes, [['open', 'action_scheduled', 'contractor'], ['action_scheduled', 'fixed', 'contractor']]);

    const closed = await newReport();
    await test.core.updates.apply({ reportId: closed.id, from: 'open', to: 'closed_no_further_action', actor: { kind: 'staff', id: null } });
    const closedReport = await test.core.records.find(closed.id);
    assert.ok(closedReport?.closedAt, 'closed reports have a closing time');
  });

  it('refuses changes that are not allowed, stale, or about a report that does not exist', async () => {
    const { id } = await newReport();
    assert.deepEqual(await test.core.updates.apply({ reportId: id, from: 'investigating', to: 'fixed', actor: { kind: 'contractor', id: 'acme' } }), {
      outcome: 'refused',
      reason: 'stale',
      message: 'The report is reported now, not investigating',
    });
    await test.core.updates.apply({ reportId: id, from: 'open', to: 'closed_duplicate', actor: { kind: 'staff', id: null } });
    const late = await test.core.updates.apply({ reportId: id, from: 'closed_duplicate', to: 'in_progress', actor: { kind: 'contractor', id: 'acme' } });
    assert.equal(late.outcome, 'refused');
    assert.equal(late.outcome === 'refused' && late.reason, 'not_allowed');
    const same = await test.core.updates.apply({ reportId: id, from: 'closed_duplicate', to: 'closed_duplicate', actor: { kind: 'staff', id: null } });
    assert.equal(same.outcome === 'refused' && same.reason, 'not_allowed');
    const missing = await test.core.updates.apply({ reportId: '00000000-0000-4000-8000-000000000000', from: 'open', to: 'fixed', actor: { kind: 'system', id: null } });
    assert.equal(missing.outcome === 'refused' && missing.reason, 'not_found');
    assert.equal((await test.core.records.find(id))?.state, 'closed_duplicate', 'unchanged by the refused changes');
  });

  it('applies an update from another system once, however often it is delivered, even at the same moment', async () => {
    const { id, reference } = await newReport();
    const change = { reportId: id, from: 'open' as const, to: 'in_progress' as const, publicText: 'Crew on site', actor: { kind: 'open311' as const, id: 'contractor-system' }, externalUpdateId: 'upd-771' };
    const results = await Promise.all([test.core.updates.apply(change), test.core.updates.apply(change), test.core.updates.apply(change)]);
    assert.equal(results.filter((r) => r.outcome === 'applied').length, 1);
    assert.equal(results.filter((r) => r.outcome === 'already_applied').length, 2);
    const ids = new Set(results.map((r) => (r.outcome === 'refused' ? null : r.updateId)));
    assert.equal(ids.size, 1, 'every delivery is told the same update id');
    const again = await test.core.updates.apply({ ...change, from: 'in_progress' });
    assert.equal(again.outcome, 'already_applied');
    const rows = await db().selectFrom('report_updates').select('id').where('report_id', '=', id).where('external_update_id', '=', 'upd-771').execute();
    assert.equal(rows.length, 1);
    assert.equal((await messagesAbout(test, reference)).filter((m) => m.subject.endsWith('In progress')).length, 1, 'told once');
  });

  it('keeps internal notes to staff: never public, never sent', async () => {
    const { id, reference } = await newReport();
    await test.core.updates.addInternalNote(id, (await staffId()), 'Resident is known to the team; call before visiting.');
    await test.core.updates.addPublicUpdate(id, await staffId(), 'We will inspect this on Thursday.');
    const publicTexts = (await test.core.records.updates(id)).map((u) => u.text);
    assert.ok(!publicTexts.some((t) => t?.includes('known to the team')));
    assert.ok(publicTexts.includes('We will inspect this on Thursday.'));
    const all = await test.core.records.updates(id, false);
    assert.ok(all.some((u) => u.visibility === 'internal' && u.text?.includes('known to the team')));
    const bodies = (await messagesAbout(test, reference)).map((m) => m.body).join('\n');
    assert.ok(!bodies.includes('known to the team'));
    assert.ok(bodies.includes('We will inspect this on Thursday.'));
  });

  it('tells every follower by their own preferences, and not the person who made the change', async () => {
    const { accounts } = test.t.platform.services;
    const { id, reference } = await newReport({ reporter: { email: 'first@example.com', showName: false } });
    const texter = await accounts.createVerifiedUser({ email: 'texter@example.com', password: 'correct horse battery staple' }, { userId: null });
    await test.t.platform.services.db.updateTable('users').set({ phone: '07700 900555', notify_email: false, notify_sms: true }).where('id', '=', texter).execute();
    const quiet = await accounts.createVerifiedUser({ email: 'quiet2@example.com', password: 'correct horse battery staple' }, { userId: null });
    await test.t.platform.services.db.updateTable('users').set({ notify_email: false, notify_sms: false }).where('id', '=', quiet).execute();
    await test.core.pipeline.subscribe(id, { userId: texter, showName: false });
    await test.core.pipeline.subscribe(id, { userId: quiet, showName: false });
    await test.core.updates.apply({ reportId: id, from: 'open', to: 'investigating', actor: { kind: 'staff', id: null } });
    const told = (await messagesAbout(test, reference)).filter((m) => /Investigating/.test(m.subject) || /Investigating/.test(m.body)).map((m) => `${m.channel} ${m.recipient}`);
    assert.deepEqual(told.sort(), ['email first@example.com', 'sms +447700900555']);
  });

  it('lets a resident reopen a fixed report within 28 days, with a reason, and not after', async () => {
    const recent = await newReport();
    await test.core.updates.apply({ reportId: recent.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' }, occurredAt: new Date(Date.now() - 27 * DAY) });
    await assert.rejects(test.core.updates.reopen(recent.id, { email: 'ada@example.com' }, '  '), (e: unknown) => e instanceof ReportRejected && e.field === 'reason');
    const reopened = await test.core.updates.reopen(recent.id, { email: 'ada@example.com' }, 'The hole is back after the rain.');
    assert.equal(reopened.ok, true);
    const report = await test.core.records.find(recent.id);
    assert.equal(report?.state, 'open');
    assert.equal(report?.fixedAt, null);
    assert.equal(report?.reopenedCount, 1);
    assert.ok((report?.dueAt?.getTime() ?? 0) > Date.now() + 4 * DAY, 'a new due time from now');
    assert.match((await test.core.records.updates(recent.id)).at(-1)?.text ?? '', /The hole is back after the rain/);
    const toReporter = (await messagesAbout(test, recent.reference)).filter((m) => /Reported$/.test(m.subject));
    assert.equal(toReporter.length, 0, 'the resident who reopened it is not told about their own change');

    const old = await newReport();
    await test.core.updates.apply({ reportId: old.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' }, occurredAt: new Date(Date.now() - 29 * DAY) });
    const refused = await test.core.updates.reopen(old.id, { email: 'ada@example.com' }, 'Still broken');
    assert.deepEqual(refused, { ok: false, reason: 'This report was fixed more than 28 days ago. If there is still a problem, make a new report' });
    assert.equal((await test.core.records.find(old.id))?.state, 'fixed');
  });

  it('lets a resident add information to an open report, but not a closed one', async () => {
    const { id } = await newReport();
    assert.equal((await test.core.updates.addInformation(id, { email: 'ada@example.com' }, 'It is now about 10cm deep.')).ok, true);
    assert.equal((await test.core.records.updates(id)).at(-1)?.author.kind, 'resident');
    await test.core.updates.apply({ reportId: id, from: 'open', to: 'closed_not_responsible', actor: { kind: 'staff', id: null } });
    assert.equal((await test.core.updates.addInformation(id, { email: 'ada@example.com' }, 'More')).ok, false);
  });

  it('re-routes a report to another category with a job for the contractor side, and resets its priority', async () => {
    const light = await assetOf(test, 'streetlights', 'ok', 20);
    const { id } = await test.core.pipeline.submit(streetlightReport(light, { answers: { fault: 'damaged' } }));
    const outcome = await test.core.updates.changeCategory(id, 'pothole', await staffId());
    assert.equal(outcome.ok, true);
    const report = await test.core.records.find(id);
    assert.equal(report?.categoryCode, 'pothole');
    assert.equal(report?.priority, 'standard', 'the pothole default, since no pothole questions were answered');
    assert.equal(report?.assetId, null, 'a streetlight is not a pothole’s asset');
    const jobs = await jobsFor(test, id);
    assert.ok(jobs.some((j) => j.name === 'reports.rerouted'));
    const event = await sql<{ data: unknown }>`select data from pgboss.job where name = 'reports.rerouted' and data->>'reportId' = ${id}`.execute(test.t.platform.services.db);
    assert.deepEqual(event.rows[0]?.data, { reportId: id, fromCategory: 'streetlight', toCategory: 'pothole' });
    assert.deepEqual(await test.core.updates.changeCategory(id, 'pothole', await staffId()), { ok: false, reason: 'The report is already in that category' });
  });

  it('closes a duplicate and moves its followers to the original', async () => {
    const original = await newReport({ reporter: { email: 'original@example.com', showName: false } });
    const duplicate = await newReport({ reporter: { email: 'second@example.com', showName: false } });
    const outcome = await test.core.updates.markDuplicate(duplicate.id, original.id, await staffId());
    assert.equal(outcome.ok, true);
    const closed = await test.core.records.find(duplicate.id);
    assert.equal(closed?.state, 'closed_duplicate');
    assert.equal(closed?.duplicateOf, original.id);
    const followers = await db().selectFrom('report_subscriptions').select('email').where('report_id', '=', original.id).orderBy('email').execute();
    assert.deepEqual(followers.map((f) => f.email), ['original@example.com', 'second@example.com']);
    await test.core.updates.apply({ reportId: original.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' } });
    const toSecond = (await messagesAbout(test, original.reference)).filter((m) => m.recipient === 'second@example.com');
    assert.ok(toSecond.some((m) => m.subject.endsWith(': Fixed')), 'the second reporter hears when the original is fixed');
  });

  it('stops sending updates to someone who follows the unsubscribe link, and only them', async () => {
    const { id, reference } = await newReport({ reporter: { email: 'leaving@example.com', showName: false } });
    await test.core.pipeline.subscribe(id, { email: 'staying@example.com', showName: false });
    const [confirmation] = await messagesAbout(test, reference);
    const token = /\/reports\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(confirmation?.body ?? '')?.[1] ?? '';
    assert.deepEqual(await test.core.unsubscribe(token), { reference });
    assert.equal(await test.core.unsubscribe(token), null, 'a used link does nothing more');
    assert.equal(await test.core.unsubscribe('made-up-token-that-is-long-enough-to-check'), null);
    await test.core.updates.apply({ reportId: id, from: 'open', to: 'investigating', actor: { kind: 'staff', id: null } });
    const told = (await messagesAbout(test, reference)).filter((m) => m.subject.endsWith(': Investigating')).map((m) => m.recipient);
    assert.deepEqual(told, ['staying@example.com']);
  });

  it('offers staff the templates for a category and state, the category’s own first', async () => {
    const choices = await test.core.updates.templates('streetlight', 'fixed');
    assert.deepEqual(choices.map((c) => c.title), ['Streetlight: working again', 'Fixed']);
  });

  async function staffId(): Promise<string> {
    const found = await test.t.platform.services.accounts.findByEmail('officer@example.com');
    if (found) return found.id;
    return test.t.platform.services.accounts.createVerifiedUser({ email: 'officer@example.com', password: 'correct horse battery staple', roles: ['highways_officer'] }, { userId: null });
  }
});
