import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobsFor, messagesAbout, potholeAt, reportsPlatform, streetOf, waitFor, type ReportsTest } from './support.ts';

const DAY = 24 * 3600 * 1000;

/** The token in a "has it been fixed?" link, and the link's answer. */
function linksIn(body: string): { yes: string; no: string; token: string } {
  const yes = /(http\S+\/reports\/questionnaire\/([A-Za-z0-9_-]+)\?fixed=yes)/.exec(body);
  const no = /(http\S+\/reports\/questionnaire\/[A-Za-z0-9_-]+\?fixed=no)/.exec(body);
  if (!yes?.[1] || !yes[2] || !no?.[1]) throw new Error(`no questionnaire links in: ${body}`);
  return { yes: yes[1], no: no[1], token: yes[2] };
}

describe('"has it been fixed?" four weeks later', () => {
  let test: ReportsTest;
  let street: Awaited<ReturnType<typeof streetOf>>;
  before(async () => {
    test = await reportsPlatform({ BASE_URL: 'https://reports.example.gov.uk' });
    street = await streetOf(test, 'council', 3);
    await test.t.platform.services.jobs.work(0.5);
  });
  after(async () => test.close());

  const askEmail = async (reference: string) => (await messagesAbout(test, reference)).find((m) => m.subject.startsWith('Has it been fixed?'));

  it('is a job that waits four weeks, then emails the reporter once with a yes and a no link', async () => {
    const { id, reference } = await test.core.pipeline.submit(potholeAt(street.middle));
    const [job] = (await jobsFor(test, id)).filter((j) => j.name === 'reports.ask_if_fixed');
    assert.ok(job && job.startAfter.getTime() > Date.now() + 27.9 * DAY, 'not before four weeks');
    assert.equal(await askEmail(reference), undefined);

    // Four weeks pass: the queue's worker runs the job.
    await sql`update pgboss.job set start_after = now() where name = 'reports.ask_if_fixed' and data->>'reportId' = ${id}`.execute(test.t.platform.services.db);
    const email = await waitFor(() => askEmail(reference));
    assert.equal(email.recipient, 'ada@example.com');
    const links = linksIn(email.body);
    assert.ok(links.yes.startsWith('https://reports.example.gov.uk/reports/questionnaire/'));

    assert.equal(await test.core.questionnaire.ask(id), false, 'a second run sends nothing');
    assert.equal((await messagesAbout(test, reference)).filter((m) => m.subject.startsWith('Has it been fixed?')).length, 1);
  });

  it('marks the report fixed on "yes", and takes one answer only', async () => {
    const { id, reference } = await test.core.pipeline.submit(potholeAt(street.middle));
    assert.equal(await test.core.questionnaire.ask(id), true);
    const { token } = linksIn((await askEmail(reference))?.body ?? '');
    assert.deepEqual(await test.core.questionnaire.answer(token, true), { outcome: 'recorded', reference, state: 'fixed' });
    const report = await test.core.records.find(id);
    assert.equal(report?.state, 'fixed');
    assert.ok(report?.fixedAt);
    assert.deepEqual(await test.core.questionnaire.answer(token, false), { outcome: 'already_answered', reference });
    assert.equal((await test.core.records.find(id))?.state, 'fixed');
    assert.deepEqual(await test.core.questionnaire.answer('not-a-real-token-but-long-enough-to-look-like-one', true), { outcome: 'not_found' });
    const audit = await test.t.platform.services.audit.forSubject('report', id);
    assert.ok(audit.some((a) => a.action === 'reports.questionnaire_answered' && a.details.fixed === true));
  });

  it('reopens a recently fixed report on "no", and notes it for staff when there is nothing to reopen', async () => {
    const fixed = await test.core.pipeline.submit(potholeAt(street.middle));
    await test.core.updates.apply({ reportId: fixed.id, from: 'open', to: 'fixed', actor: { kind: 'contractor', id: 'acme' }, occurredAt: new Date(Date.now() - 3 * DAY) });
    await test.core.questionnaire.ask(fixed.id);
    const { token } = linksIn((await askEmail(fixed.reference))?.body ?? '');
    assert.deepEqual(await test.core.questionnaire.answer(token, false), { outcome: 'recorded', reference: fixed.reference, state: 'open' });
    assert.equal((await test.core.records.find(fixed.id))?.reopenedCount, 1);

    const open = await test.core.pipeline.submit(potholeAt(street.middle));
    await test.core.questionnaire.ask(open.id);
    const second = linksIn((await askEmail(open.reference))?.body ?? '');
    assert.deepEqual(await test.core.questionnaire.answer(second.token, false), { outcome: 'recorded', reference: open.reference, state: 'open' });
    const notes = (await test.core.records.updates(open.id, false)).filter((u) => u.visibility === 'internal');
    assert.deepEqual(notes.map((n) => n.text), ['The reporter says this has not been fixed.']);
  });

  it('does not ask about a closed report, or someone who gave no email', async () => {
    const closed = await test.core.pipeline.submit(potholeAt(street.middle));
    await test.core.updates.apply({ reportId: closed.id, from: 'open', to: 'closed_not_responsible', actor: { kind: 'staff', id: null } });
    assert.equal(await test.core.questionnaire.ask(closed.id), false);
    const textOnly = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { phone: '07700 900111', showName: false } }));
    assert.equal(await test.core.questionnaire.ask(textOnly.id), false);
  });
});
