import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { create, editorialPlatform, guideForm, publishNow, submit, topicForm, visibleText, type EditorialTest } from './support.ts';

async function waitFor<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The state pg-boss holds for the job a schedule sent. */
async function jobState(e: EditorialTest, scheduleId: string): Promise<string | undefined> {
  const { rows } = await sql<{ state: string }>`select state from pgboss.job where data->>'scheduleId' = ${scheduleId}`.execute(e.t.platform.services.db);
  return rows[0]?.state;
}

describe('publishing and unpublishing at a time, through the job queue', () => {
  let e: EditorialTest;
  let topicId: string;
  before(async () => {
    e = await editorialPlatform();
    topicId = await create(e.editor.client, 'topic', topicForm('Council tax', '/council-tax'));
    await publishNow(e.publisher.client, topicId);
  });
  after(async () => e.t.close());

  it('a publisher schedules from the page; the list shows it as scheduled, and cancelling it leaves nothing pending', async () => {
    const id = await create(e.editor.client, 'guide', guideForm('Pay your bill', '/council-tax/pay', 'Pay online.', { topicIds: topicId }));
    const year = String(new Date().getFullYear() + 1);
    await submit(e.publisher.client, `/staff/site/content/${id}`, `/staff/site/content/${id}/schedule`, { action: 'publish', 'publishAt-day': '2', 'publishAt-month': '4', 'publishAt-year': year, publishAtTime: '9:30am' });
    const page = await e.publisher.client.get(`/staff/site/content/${id}`);
    assert.match(visibleText(page.body), new RegExp(`Version 1 will be published on 2 April ${year} at 9:30am`));
    assert.match(visibleText((await e.editor.client.get('/staff/site?status=scheduled')).body), /Pay your bill Guide \/council-tax\/pay Scheduled/);

    await submit(e.publisher.client, `/staff/site/content/${id}`, `/staff/site/content/${id}/schedule/cancel`, { action: 'publish' });
    assert.deepEqual((await e.site.editorial.item(id))?.schedules, []);
    assert.match(visibleText((await e.editor.client.get('/staff/site?status=draft')).body), /Pay your bill Guide \/council-tax\/pay Draft/);
    const actions = (await e.t.platform.services.audit.forSubject('site_content', id)).map((a) => a.action);
    assert.deepEqual(actions, ['site.publish_scheduled', 'site.publish_schedule_cancelled']);
  });

  it('the queue publishes and unpublishes when the time comes; cancelled and replaced schedules do nothing', async () => {
    const { editorial } = e.site;
    const publisher = { actorId: e.publisher.userId };
    const goesLive = await create(e.editor.client, 'guide', guideForm('Discounts', '/council-tax/discounts', 'Single person discount.', { topicIds: topicId }));
    const cancelled = await create(e.editor.client, 'guide', guideForm('Appeals', '/council-tax/appeals', 'How to appeal.', { topicIds: topicId }));
    const comesDown = await create(e.editor.client, 'news', {
      title: 'New bands',
      summary: 'Bands change in April.',
      path: '/news/new-bands',
      body: 'Bands change.',
      'date-day': '1',
      'date-month': '3',
      'date-year': '2025',
    });
    await publishNow(e.publisher.client, comesDown);

    const soon = () => new Date(Date.now() + 1500);
    // Replaced: the first schedule's job still fires, and must not publish version 1 over the later plan.
    const replaced = await editorial.schedule(goesLive, 'publish', new Date(Date.now() + 1000), publisher);
    await submit(e.editor.client, `/staff/site/content/${goesLive}/edit`, `/staff/site/content/${goesLive}/edit`, {
      ...guideForm('Discounts and exemptions', '/council-tax/discounts', 'Single person discount, and exemptions.', { topicIds: topicId }),
      baseVersion: '1',
    });
    const current = await editorial.schedule(goesLive, 'publish', soon(), publisher);
    assert.equal(current.version, 2);
    const dropped = await editorial.schedule(cancelled, 'publish', soon(), publisher);
    await editorial.cancelSchedule(cancelled, 'publish', publisher);
    const down = await editorial.schedule(comesDown, 'unpublish', soon(), publisher);

    await e.t.platform.services.jobs.work(0.5);
    await waitFor(async () => ((await jobState(e, down.id)) === 'completed' && (await jobState(e, current.id)) === 'completed' ? true : undefined));
    await waitFor(async () => ((await jobState(e, dropped.id)) === 'completed' && (await jobState(e, replaced.id)) === 'completed' ? true : undefined));

    const live = await e.site.published.byId(goesLive);
    assert.equal(live?.version, 2, 'the replacing schedule published version 2; the replaced one did nothing');
    assert.equal(live?.document.title, 'Discounts and exemptions');
    const page = await e.t.app.inject({ method: 'GET', url: '/council-tax/discounts' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Discounts and exemptions/);
    assert.equal(await e.site.published.byId(cancelled), undefined, 'a cancelled schedule publishes nothing');
    assert.equal(await e.site.published.byId(comesDown), undefined, 'the news story came down on time');
    for (const id of [goesLive, cancelled, comesDown]) assert.deepEqual((await editorial.item(id))?.schedules, [], 'nothing is left pending');

    const audit = (await e.t.platform.services.audit.forSubject('site_content', goesLive)).map((a) => a.action);
    assert.deepEqual(audit, ['site.publish_scheduled', 'site.publish_schedule_cancelled', 'site.publish_scheduled', 'site.published']);
  });

  it('a schedule that comes due when its topic is no longer live does not publish, and says why', async () => {
    const { editorial } = e.site;
    const publisher = { actorId: e.publisher.userId };
    const topic = await create(e.editor.client, 'topic', topicForm('Libraries', '/libraries'));
    const guide = await create(e.editor.client, 'guide', guideForm('Join the library', '/libraries/join', 'Bring proof of address.', { topicIds: topic }));
    const schedule = await editorial.schedule(guide, 'publish', new Date(Date.now() + 60_000), publisher);
    // Run the job's work directly, as the queue would when the time comes.
    await editorial.runSchedule(schedule.id);
    assert.equal(await e.site.published.byId(guide), undefined);
    const { rows } = await sql<{ failed_reason: string }>`select failed_reason from site_schedules where id = ${schedule.id}`.execute(e.t.platform.services.db);
    assert.equal(rows[0]?.failed_reason, 'Publish the topic "Libraries" first');
    // It ran once: running it again changes nothing.
    await editorial.runSchedule(schedule.id);
    const audit = (await e.t.platform.services.audit.forSubject('site_content', guide)).map((a) => a.action);
    assert.deepEqual(audit, ['site.publish_scheduled', 'site.publish_schedule_failed']);
  });
});
