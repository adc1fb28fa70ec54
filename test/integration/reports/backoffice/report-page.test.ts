import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorSummary } from '../../../support/client.ts';
import { signedInResident, visibleText } from '../../account/support.ts';
import { messagesAbout } from '../support.ts';
import { backOffice, type BackOfficeTest } from './support.ts';

describe('a report in the back office', () => {
  let b: BackOfficeTest;
  before(async () => {
    b = await backOffice();
  });
  after(async () => b.test.close());

  const audit = (id: string) => b.test.t.platform.services.audit.forSubject('report', id);

  it('lets highways officers, inspectors and admins in; residents and editors get 403; anonymous people sign in', async () => {
    const { id } = await b.newReport();
    assert.equal((await b.officer.client.get('/staff/reports')).statusCode, 200);
    assert.equal((await b.inspector.client.get(`/staff/reports/${id}`)).statusCode, 200);
    const admin = await signedInResident(b.test.t, { roles: ['admin'] });
    assert.equal((await admin.client.get('/staff/reports')).statusCode, 200);
    for (const who of [await signedInResident(b.test.t), await signedInResident(b.test.t, { roles: ['editor'] })]) {
      for (const url of ['/staff/reports', `/staff/reports/${id}`, '/staff/reports/export.csv', '/staff/reports/shortlist', `/staff/reports/${id}/moderate`]) {
        assert.equal((await who.client.get(url)).statusCode, 403, url);
      }
    }
    assert.equal((await b.inspector.client.get(`/staff/reports/${id}/moderate`)).statusCode, 403, 'inspectors do not moderate');
    const anonymous = await b.test.t.app.inject({ method: 'GET', url: '/staff/reports' });
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, '/sign-in');
  });

  it('shows staff the reporter’s contact, priority, response time and due date', async () => {
    const { id, reference } = await b.newReport({ reporter: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '07700 900123', showName: false } });
    const text = visibleText((await b.officer.client.get(`/staff/reports/${id}`)).body);
    assert.match(text, new RegExp(`Report ${reference}`));
    assert.match(text, /Email ada@example.com/);
    assert.match(text, /Phone 07700 900123/);
    assert.match(text, /Priority (Urgent|Standard|Emergency|Low) Response time \d+ (days?|hours?) Due \d/);
  });

  it('changes the status with the category’s template wording, edited, tells the follower and audits it once', async () => {
    const { id, reference } = await b.newReport();
    const form = await b.officer.client.get(`/staff/reports/${id}/status?to=action_scheduled`);
    assert.equal(form.statusCode, 200);
    assert.match(visibleText(form.body), /The pothole is on our repair list and a crew has been booked to fill it\./, 'the pothole template is filled in');
    const res = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'open', to: 'action_scheduled', text: 'The pothole is on our repair list. A crew will fill it on Tuesday.' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await b.test.core.records.find(id))?.state, 'action_scheduled');
    const sent = await messagesAbout(b.test, reference);
    const last = sent.at(-1);
    assert.equal(last?.recipient, 'ada@example.com');
    assert.match(last?.body ?? '', /A crew will fill it on Tuesday/);
    const changes = (await audit(id)).filter((a) => a.action === 'reports.state_changed');
    assert.deepEqual(changes.map((a) => [a.actor_id, a.details.from, a.details.to]), [[b.officer.userId, 'open', 'action_scheduled']]);
  });

  it('moves a report through every status staff use', async () => {
    const { id } = await b.newReport();
    let from = 'open';
    for (const to of ['investigating', 'action_scheduled', 'in_progress', 'fixed', 'closed_no_further_action', 'open', 'closed_not_responsible', 'investigating', 'closed_internal_referral']) {
      await b.officer.client.get(`/staff/reports/${id}/status?to=${to}`);
      const res = await b.officer.client.post(`/staff/reports/${id}/status`, { from, to, text: `Now ${to}` });
      assert.equal(res.statusCode, 303, `${from} → ${to}: ${errorSummary(res.body).join()}`);
      from = to;
    }
    const updates = await b.test.core.records.updates(id);
    assert.equal(updates.at(-1)?.text, 'Now closed_internal_referral');
    assert.equal((await audit(id)).filter((a) => a.action === 'reports.state_changed').length, 9);
  });

  it('refuses a change made on an out-of-date page, and a duplicate of a report that does not exist', async () => {
    const { id } = await b.newReport();
    await b.officer.client.get(`/staff/reports/${id}/status?to=fixed`);
    const stale = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'investigating', to: 'fixed', text: 'Fixed' });
    assert.equal(stale.statusCode, 400);
    assert.deepEqual(errorSummary(stale.body), ['Someone else changed this report’s status. Check its history and try again']);
    const empty = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'open', to: 'fixed', text: '  ' });
    assert.deepEqual(errorSummary(empty.body), ['Enter the update residents will see']);
    await b.officer.client.get(`/staff/reports/${id}/status?to=closed_duplicate`);
    const unknown = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'open', to: 'closed_duplicate', duplicateOf: '2222-2222' });
    assert.deepEqual(errorSummary(unknown.body), ['There is no report with that reference']);
    const missing = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'open', to: 'closed_duplicate', duplicateOf: '' });
    assert.deepEqual(errorSummary(missing.body), ['Enter the reference of the report this one duplicates']);
    assert.equal((await b.test.core.records.find(id))?.state, 'open');

    const original = await b.newReport();
    const dup = await b.officer.client.post(`/staff/reports/${id}/status`, { from: 'open', to: 'closed_duplicate', duplicateOf: original.reference.toLowerCase() });
    assert.equal(dup.statusCode, 303);
    const closed = await b.test.core.records.find(id);
    assert.equal(closed?.state, 'closed_duplicate');
    assert.equal(closed?.duplicateOf, original.id);
  });

  it('keeps internal notes off the public page and Open311', async () => {
    const { id, reference } = await b.newReport();
    await b.officer.client.get(`/staff/reports/${id}`);
    assert.equal((await b.officer.client.post(`/staff/reports/${id}/notes`, { note: 'Resident is a known nuisance caller' })).statusCode, 303);
    const staffPage = visibleText((await b.officer.client.get(`/staff/reports/${id}`)).body);
    assert.match(staffPage, /Internal note Resident is a known nuisance caller/);
    const publicPage = await b.test.t.app.inject({ method: 'GET', url: `/reports/${reference}` });
    assert.doesNotMatch(publicPage.body, /nuisance caller/);
    const open311 = await b.test.t.app.inject({ method: 'GET', url: `/open311/v2/requests/${reference}.json` });
    assert.doesNotMatch(open311.body, /nuisance caller/);
    assert.ok(!(await messagesAbout(b.test, reference)).some((m) => m.body.includes('nuisance')), 'never sent');
    assert.deepEqual((await audit(id)).filter((a) => a.action === 'reports.note_added').map((a) => a.actor_id), [b.officer.userId]);
    const blank = await b.officer.client.post(`/staff/reports/${id}/notes`, { note: '' });
    assert.deepEqual(errorSummary(blank.body), ['Enter the note']);
  });

  it('assigns a report to a team and an inspector, audited', async () => {
    const { id } = await b.newReport();
    await b.officer.client.get(`/staff/reports/${id}`);
    const res = await b.officer.client.post(`/staff/reports/${id}/assign`, { team: 'highways', inspector: b.inspector.userId });
    assert.equal(res.statusCode, 303);
    const text = visibleText((await b.officer.client.get('/staff/reports?team=highways')).body);
    assert.match(text, /Highways maintenance Ian Inspector/);
    const bad = await b.officer.client.post(`/staff/reports/${id}/assign`, { team: 'nope', inspector: '' });
    assert.deepEqual(errorSummary(bad.body), ['Select a team from the list']);
    const assigned = (await audit(id)).filter((a) => a.action === 'reports.assigned');
    assert.deepEqual(assigned.map((a) => a.details.to), [{ team: 'highways', inspector: b.inspector.userId }]);
  });

  it('moves a report to another category', async () => {
    const { id } = await b.newReport();
    await b.officer.client.get(`/staff/reports/${id}`);
    const res = await b.officer.client.post(`/staff/reports/${id}/category`, { category: 'blocked_drain' });
    assert.equal(res.statusCode, 303, errorSummary(res.body).join());
    assert.equal((await b.test.core.records.find(id))?.categoryCode, 'blocked_drain');
  });
});
