import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseVersionIn, countRows, create, editorialPlatform, errorSummary, guideForm, publishNow, submit, topicForm, visibleText, type EditorialTest } from './support.ts';

describe('the editorial workflow: draft, preview, publish, change, compare, roll back', () => {
  let e: EditorialTest;
  before(async () => {
    e = await editorialPlatform();
  });
  after(async () => e.t.close());

  it('takes a guide from draft to live, through a change and a rollback', async () => {
    const { editor, publisher, site } = e;
    const topicId = await create(editor.client, 'topic', topicForm('Bins and recycling', '/bins'));
    await publishNow(publisher.client, topicId);

    const sections = '# Report a missed bin\n\nTell us by [reporting it](/report) before 5pm.\n\n# What happens next\n\nWe collect it within 2 working days.';
    const guideId = await create(editor.client, 'guide', guideForm('Missed bin collections', '/bins/missed-bin', sections, { topicIds: topicId }));

    // A draft is in the list as a draft, and is not on the website.
    let list = await editor.client.get('/staff/site');
    assert.match(visibleText(list.body), /Missed bin collections Guide \/bins\/missed-bin Draft/);
    assert.equal(await site.published.byPath('/bins/missed-bin'), undefined);

    // Preview shows the draft as its page would look, marked as a preview.
    const preview = await editor.client.get(`/staff/site/content/${guideId}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /This is a preview/);
    assert.match(preview.body, /<title>[^<]*Missed bin collections/);

    // An editor cannot publish: the page offers no button and the route refuses.
    const itemPage = await editor.client.get(`/staff/site/content/${guideId}`);
    assert.doesNotMatch(itemPage.body, /Publish now/);
    assert.match(visibleText(itemPage.body), /A publisher makes it live/);
    assert.equal((await editor.client.post(`/staff/site/content/${guideId}/publish`, {})).statusCode, 403);
    assert.equal(await site.published.byPath('/bins/missed-bin'), undefined);

    await publishNow(publisher.client, guideId);
    const live = await e.t.app.inject({ method: 'GET', url: '/bins/missed-bin' });
    assert.equal(live.statusCode, 200);
    assert.match(live.body, /Missed bin collections/);
    assert.doesNotMatch(live.body, /This is a preview/);

    // The editor changes it: a new draft version, while version 1 stays live.
    const edit = await editor.client.get(`/staff/site/content/${guideId}/edit`);
    assert.equal(baseVersionIn(edit.body), '1');
    await submit(editor.client, `/staff/site/content/${guideId}/edit`, `/staff/site/content/${guideId}/edit`, {
      ...guideForm('Missed bin collections', '/bins/missed-bin', sections.replace('within 2 working days', 'within 3 working days'), { topicIds: topicId }),
      baseVersion: '1',
      note: 'Collections take longer in winter',
    });
    list = await editor.client.get('/staff/site?status=changed');
    assert.match(visibleText(list.body), /Missed bin collections Guide \/bins\/missed-bin Published with changes/);
    assert.equal((await site.published.byId(guideId))?.version, 1);

    // History lists both versions; the comparison marks the changed words for sight and for screen readers.
    const history = await editor.client.get(`/staff/site/content/${guideId}/history`);
    assert.match(visibleText(history.body), /Collections take longer in winter/);
    const compare = await editor.client.get(`/staff/site/content/${guideId}/compare?from=1&to=2`);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del class="app-diff__removed"><span class="govuk-visually-hidden">removed: <\/span>2<\/del>/);
    assert.match(compare.body, /<ins class="app-diff__added"><span class="govuk-visually-hidden">added: <\/span>3<\/ins>/);
    assert.match(visibleText(compare.body), /Sections/);
    assert.doesNotMatch(visibleText(compare.body), /Title/, 'unchanged fields are not listed');

    await publishNow(publisher.client, guideId);
    assert.equal((await site.published.byId(guideId))?.version, 2);

    // Rolling back: an editor restores version 1 as a draft (publishing it in the same step is a publisher's).
    await editor.client.get(`/staff/site/content/${guideId}/history`);
    assert.equal((await editor.client.post(`/staff/site/content/${guideId}/versions/1/rollback`, { publish: 'yes' })).statusCode, 403);
    await submit(editor.client, `/staff/site/content/${guideId}/history`, `/staff/site/content/${guideId}/versions/1/rollback`, {});
    const restored = await site.editorial.item(guideId);
    assert.equal(restored?.latestVersion, 3);
    assert.equal(restored?.publishedVersion, 2, 'a rollback is not live until published');
    assert.match(JSON.stringify(restored?.document), /within 2 working days/);

    // A publisher rolls back and publishes in one step.
    await submit(publisher.client, `/staff/site/content/${guideId}/history`, `/staff/site/content/${guideId}/versions/2/rollback`, { publish: 'yes' });
    const after = await site.editorial.item(guideId);
    assert.equal(after?.latestVersion, 4);
    assert.equal(after?.publishedVersion, 4);
    assert.match(JSON.stringify((await site.published.byId(guideId))?.document), /within 3 working days/);

    // Every publish and rollback is in the audit log, with who did it.
    const audit = await e.t.platform.services.audit.forSubject('site_content', guideId);
    const actions = audit.map((a) => `${a.action}:${a.actor_id === publisher.userId ? 'publisher' : a.actor_id === editor.userId ? 'editor' : 'other'}`);
    assert.deepEqual(actions.sort(), ['site.published:publisher', 'site.published:publisher', 'site.published:publisher', 'site.rolled_back:editor', 'site.rolled_back:publisher'].sort());
  });

  it('refuses a save on top of a version someone else replaced, and keeps both people’s work apart', async () => {
    const { editor, publisher } = e;
    const id = await create(editor.client, 'topic', topicForm('Parking', '/parking'));
    const mine = await editor.client.get(`/staff/site/content/${id}/edit`);
    const base = baseVersionIn(mine.body);
    await submit(publisher.client, `/staff/site/content/${id}/edit`, `/staff/site/content/${id}/edit`, { ...topicForm('Parking and permits', '/parking'), baseVersion: base });
    const before = await countRows(e.t, 'site_content_versions');
    // The editor's page still holds the old version (and its CSRF token).
    editor.client.lastHtml = mine.body;
    const res = await editor.client.post(`/staff/site/content/${id}/edit`, { ...topicForm('Parking in the town centre', '/parking'), baseVersion: base });
    assert.equal(res.statusCode, 400);
    assert.match(errorSummary(res.body)[0] ?? '', /Someone else saved version 2 while you were editing version 1/);
    assert.match(res.body, /Parking in the town centre/, 'the editor’s words are still on the page to copy');
    assert.equal(await countRows(e.t, 'site_content_versions'), before);
    assert.equal((await e.site.editorial.item(id))?.document.title, 'Parking and permits');
  });

  it('lists broken internal links in live pages and drafts', async () => {
    const { editor, publisher } = e;
    const target = await create(editor.client, 'contact', { title: 'Council tax team', summary: 'How to contact us about council tax.', path: '/contact/council-tax', body: 'Call us.' });
    await publishNow(publisher.client, target);
    const linking = await create(editor.client, 'contact', { title: 'Benefits team', summary: 'How to contact us about benefits.', path: '/contact/benefits', body: 'Or ask the [council tax team](/contact/council-tax).' });
    await publishNow(publisher.client, linking);
    let report = await editor.client.get('/staff/site/links');
    assert.doesNotMatch(visibleText(report.body), /Benefits team/);
    await submit(publisher.client, `/staff/site/content/${target}`, `/staff/site/content/${target}/unpublish`, {});
    report = await editor.client.get('/staff/site/links');
    assert.match(visibleText(report.body), /Benefits team Contact Live page \/contact\/council-tax/);
  });
});
