import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { errorSummary } from '../../../support/client.ts';
import { visibleText } from '../../account/support.ts';
import { messagesAbout } from '../support.ts';
import { backOffice, idsIn, type BackOfficeTest } from './support.ts';

describe('the back office queue', () => {
  let b: BackOfficeTest;
  let overdue: { id: string; reference: string };
  let assigned: { id: string; reference: string };
  before(async () => {
    b = await backOffice();
    overdue = await b.newReport({ description: 'Deep hole by the bus stop' });
    assigned = await b.newReport({ locationDescription: '=HYPERLINK("http://evil.example")' });
    await sql`update reports set due_at = now() - interval '2 days', created_at = now() - interval '30 days' where id = ${overdue.id}`.execute(b.test.t.platform.services.db);
    await b.officer.client.get(`/staff/reports/${assigned.id}`);
    await b.officer.client.post(`/staff/reports/${assigned.id}/assign`, { team: 'drainage', inspector: b.inspector.userId });
  });
  after(async () => b.test.close());

  const queue = async (query: string) => (await b.officer.client.get(`/staff/reports${query}`)).body;

  it('filters by overdue, age, team, inspector and status, and counts each status', async () => {
    const overdueOnly = await queue('?overdue=yes');
    assert.deepEqual(idsIn(overdueOnly), [overdue.id]);
    assert.match(visibleText(overdueOnly), new RegExp(`${overdue.reference} .* Overdue`), 'overdue is said in words, not only colour');
    assert.deepEqual(idsIn(await queue('?age=28')), [overdue.id]);
    assert.deepEqual(idsIn(await queue('?team=drainage')), [assigned.id]);
    assert.deepEqual(idsIn(await queue(`?inspector=${b.inspector.userId}`)), [assigned.id]);
    assert.ok(idsIn(await queue('?team=none')).includes(overdue.id));
    assert.deepEqual(idsIn(await queue('?status=fixed')), []);
    assert.deepEqual(idsIn(await queue('?category=streetlight')), []);
    assert.equal((await b.officer.client.get('/staff/reports?priority=urgent&sort=oldest&ward=nonsense!&inspector=x')).statusCode, 200, 'odd filters are ignored, not an error');
    assert.match(visibleText(await queue('')), /Reported: 2 /);
  });

  it('changes several reports at once, auditing each', async () => {
    const one = await b.newReport();
    const two = await b.newReport();
    await b.officer.client.get('/staff/reports');
    const none = await b.officer.client.post('/staff/reports/bulk', { action: 'assign', team: 'highways' });
    assert.deepEqual(errorSummary(none.body), ['Select at least one report']);
    const assign = await b.officer.client.post('/staff/reports/bulk', { reports: [one.id, two.id], action: 'assign', team: 'highways' });
    assert.equal(assign.statusCode, 303);
    const templates = await b.test.core.templates.choices('pothole', 'investigating');
    const template = templates.find((t) => t.categoryCode === 'pothole');
    assert.ok(template);
    const status = await b.officer.client.post('/staff/reports/bulk', { reports: [one.id, two.id], action: 'status', template: String(template.id) });
    assert.equal(status.statusCode, 303);
    for (const r of [one, two]) {
      assert.equal((await b.test.core.records.find(r.id))?.state, 'investigating');
      const audit = await b.test.t.platform.services.audit.forSubject('report', r.id);
      assert.deepEqual(audit.filter((a) => a.action === 'reports.assigned').map((a) => a.actor_id), [b.officer.userId]);
      assert.deepEqual(audit.filter((a) => a.action === 'reports.state_changed').map((a) => a.details.to), ['investigating']);
      assert.match((await messagesAbout(b.test, r.reference)).at(-1)?.body ?? '', /A highways inspector will measure the pothole/);
    }
  });

  it('exports the filtered queue as formula-safe CSV, audited', async () => {
    const res = await b.officer.client.get('/staff/reports/export.csv?team=drainage');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const rows: string[][] = parse(res.body.replace(/^\ufeff/, ''));
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.[0], 'Reference');
    assert.equal(rows[1]?.[0], assigned.reference);
    assert.equal(rows[1]?.[6], `'=HYPERLINK("http://evil.example")`);
    const exported = await sql<{ actor_id: string }>`select actor_id from audit_log where action = 'reports.exported'`.execute(b.test.t.platform.services.db);
    assert.deepEqual(exported.rows.map((r) => r.actor_id), [b.officer.userId]);
  });

  it('prints an inspector’s shortlist of their open reports', async () => {
    const page = await b.inspector.client.get('/staff/reports/shortlist');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/staff\/reports\/print.css"/);
    const text = visibleText(page.body);
    assert.match(text, /Shortlist for Ian Inspector/);
    assert.match(text, new RegExp(assigned.reference));
    assert.doesNotMatch(text, new RegExp(overdue.reference));
    const css = await b.inspector.client.get('/staff/reports/print.css');
    assert.match(css.body, /@media print/);
  });

  it('redacts a report for the public and keeps the original for staff, with its history', async () => {
    const { id, reference } = await b.newReport({ description: 'Hole outside number 12, where Mr Smith lives' });
    await b.officer.client.get(`/staff/reports/${id}/moderate`);
    const missing = await b.officer.client.post(`/staff/reports/${id}/moderate`, { action: 'redacted', description: 'Hole outside [removed by a moderator]', reason: '' });
    assert.deepEqual(errorSummary(missing.body), ['Enter why you are moderating this report']);
    const res = await b.officer.client.post(`/staff/reports/${id}/moderate`, { action: 'redacted', description: 'Hole outside [removed by a moderator]', reason: 'Names a neighbour' });
    assert.equal(res.statusCode, 303);
    const open311 = await b.test.t.app.inject({ method: 'GET', url: `/open311/v2/requests/${reference}.json` });
    assert.equal(open311.statusCode, 200);
    assert.doesNotMatch(open311.body, /Mr Smith/);
    assert.match(open311.body, /removed by a moderator/);
    const publicPage = await b.test.t.app.inject({ method: 'GET', url: `/reports/${reference}` });
    assert.equal(publicPage.statusCode, 200);
    assert.doesNotMatch(publicPage.body, /Mr Smith/);
    assert.match(publicPage.body, /removed by a moderator/);
    const staff = visibleText((await b.officer.client.get(`/staff/reports/${id}`)).body);
    assert.match(staff, /What the resident wrote \(staff only\): Hole outside number 12, where Mr Smith lives/);
    assert.match(staff, /Redacted by Hilda Highways\. Reason: Names a neighbour/);
    const hide = await b.officer.client.post(`/staff/reports/${id}/moderate`, { action: 'hidden', reason: 'Abusive' });
    assert.equal(hide.statusCode, 303);
    assert.equal((await b.test.core.records.find(id))?.hidden, true);
    const audit = await b.test.t.platform.services.audit.forSubject('report', id);
    assert.deepEqual(audit.filter((a) => a.action.startsWith('reports.redacted') || a.action === 'reports.hidden').map((a) => a.action), ['reports.redacted', 'reports.hidden']);
  });
});
