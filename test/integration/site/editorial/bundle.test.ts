import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { siteBundleSchema, type SiteBundle } from '../../../../src/modules/site/index.ts';
import { SiteBundleRefused } from '../../../../src/modules/site/editorial/commands.ts';
import { create, editorialPlatform, errorSummary, guideForm, publishNow, snapshot, submit, topicForm, upload, visibleText, type EditorialTest } from './support.ts';

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('exporting and importing the whole site as JSON', () => {
  let e: EditorialTest;
  let exported: SiteBundle;
  let topicId: string;
  let guideId: string;
  before(async () => {
    e = await editorialPlatform();
    topicId = await create(e.editor.client, 'topic', topicForm('Housing', '/housing'));
    await publishNow(e.publisher.client, topicId);
    guideId = await create(e.editor.client, 'guide', guideForm('Apply for housing', '/housing/apply', '# Who can apply\n\nMost people over 16.\n\n# How to apply\n\n[Apply online](/report).', { topicIds: topicId }));
    await submit(e.editor.client, '/staff/site/menus', '/staff/site/menus', { header: 'Housing | /housing', footer: 'Accessibility | /accessibility' });
    await submit(e.editor.client, '/staff/site/redirects', '/staff/site/redirects', { from: '/housing-advice', to: '/housing', permanent: 'yes' });
    await submit(e.editor.client, '/staff/site/settings', '/staff/site/settings', { name: 'Stockport Council', tagline: 'Working together', logoUrl: '' });
  });
  after(async () => e.t.close());

  async function importFile(bundle: unknown, publish: boolean, raw?: Buffer) {
    await e.publisher.client.get('/staff/site/import');
    return upload(e.t, e.publisher.client, '/staff/site/import', publish ? { publish: 'yes' } : {}, { name: 'site.json', field: 'bundleFile', bytes: raw ?? Buffer.from(JSON.stringify(bundle)) });
  }

  it('exports everything as a file that the bundle format accepts', async () => {
    const res = await e.editor.client.get('/staff/site/export.json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="site-\d{4}-\d{2}-\d{2}\.json"/);
    exported = siteBundleSchema.parse(JSON.parse(res.body));
    assert.deepEqual(exported.settings, { name: 'Stockport Council', tagline: 'Working together', logoUrl: null });
    assert.deepEqual(exported.menus, [
      { menu: 'header', text: 'Housing', href: '/housing' },
      { menu: 'footer', text: 'Accessibility', href: '/accessibility' },
    ]);
    assert.deepEqual(exported.redirects, [{ from: '/housing-advice', to: '/housing', permanent: true }]);
    assert.deepEqual(exported.content.map((c) => [c.id, c.published, c.document.title]).sort(), [[guideId, false, 'Apply for housing'], [topicId, true, 'Housing']].sort());
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot(e.t);
    const res = await importFile(exported, true);
    assert.equal(res.statusCode, 303, errorSummary(res.body).join('; '));
    assert.equal(await snapshot(e.t), before);
  });

  it('imports changes as new versions, and publishes what the file marks as published', async () => {
    const bundle = structuredClone(exported);
    const guide = bundle.content.find((c) => c.id === guideId);
    assert.ok(guide);
    guide.published = true;
    guide.document.title = 'Apply to join the housing register';
    const newId = '2d1f5a3c-8b7e-4f6a-9c0d-1e2f3a4b5c6d';
    bundle.content.push({ id: newId, published: false, document: { type: 'guide', path: '/housing/benefit', title: 'Housing benefit', summary: 'Help with rent.', topicIds: [topicId], lgaServiceCodes: [], fields: { sections: [{ title: 'Overview', slug: 'overview', body: [] }] } } });
    const res = await importFile(bundle, true);
    assert.equal(res.statusCode, 303, errorSummary(res.body).join('; '));
    const page = await e.publisher.client.follow(res);
    assert.match(visibleText(page.body), /Imported: 1 new item, 1 changed, published as marked in the file/);
    const item = await e.site.editorial.item(guideId);
    assert.equal(item?.latestVersion, 2);
    assert.equal(item?.publishedVersion, 2);
    assert.equal((await e.site.published.byPath('/housing/apply'))?.document.title, 'Apply to join the housing register');
    assert.equal((await e.site.editorial.item(newId))?.publishedVersion, null, 'an item marked unpublished stays a draft');
    const audit = await e.t.platform.services.audit.forSubject('site', 'content');
    assert.ok(audit.some((a) => a.action === 'site.imported' && a.actor_id === e.publisher.userId));
    assert.ok((await e.t.platform.services.audit.forSubject('site_content', guideId)).some((a) => a.action === 'site.published'));
  });

  it('refuses a file with one bad item, lists every problem, and writes nothing', async () => {
    const bundle = structuredClone(exported);
    bundle.settings.name = 'Renamed';
    const guide = bundle.content.find((c) => c.id === guideId);
    assert.ok(guide);
    guide.document.fields = { sections: [{ title: 'Links', slug: 'links', body: [{ type: 'paragraph', content: [{ type: 'link', text: 'gone', href: '/housing/gone' }] }] }] };
    const guideNumber = bundle.content.indexOf(guide) + 1;
    const topicNumber = bundle.content.findIndex((c) => c.id === topicId) + 1;
    bundle.content.push({ id: topicId, published: true, document: { type: 'guide', path: '/housing/again', title: 'Housing again', summary: 'Again.', topicIds: [], lgaServiceCodes: [], fields: { sections: [{ title: 'Overview', slug: 'overview', body: [] }] } } });
    const before = await snapshot(e.t);
    const res = await importFile(bundle, true);
    assert.equal(res.statusCode, 400);
    const summary = errorSummary(res.body).map(decode);
    assert.deepEqual(summary, [`Item 3 ("Housing again"): the id ${topicId} is also used by item ${topicNumber}`, `Item ${guideNumber} ("Apply for housing"): the link to /housing/gone goes to a page that does not exist`]);
    assert.equal(await snapshot(e.t), before);
  });

  it('refuses files that are not bundles: schema problems named by item, invalid JSON, and oversize files', async () => {
    const before = await snapshot(e.t);
    const bundle = structuredClone(exported) as { content: { document: Record<string, unknown> }[] };
    bundle.content[0]!.document.title = '';
    let res = await importFile(bundle, false);
    assert.equal(res.statusCode, 400);
    assert.match(decode(errorSummary(res.body)[0] ?? ''), /^Item 1: Enter a title$/);
    res = await importFile(undefined, false, Buffer.from('{"format": "lastmile-site/1",'));
    assert.deepEqual(errorSummary(res.body), ['The file is not valid JSON: export it from a Lastmile site, or check it in a JSON editor']);
    res = await importFile(undefined, false, Buffer.alloc(5 * 1024 * 1024 + 10, 32));
    assert.deepEqual(errorSummary(res.body), ['The file must be smaller than 5 MB']);
    res = await upload(e.t, e.publisher.client, '/staff/site/import', {});
    assert.deepEqual(errorSummary(res.body), ['Select a JSON file to import']);
    assert.equal(await snapshot(e.t), before);
  });

  it('only publishers import', async () => {
    assert.equal((await e.editor.client.get('/staff/site/import')).statusCode, 403);
  });

  it('the import command (and the demo seed) use the same all-or-nothing check', async () => {
    const bundle = structuredClone(exported);
    bundle.content[0]!.document.topicIds = ['7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d'];
    const before = await snapshot(e.t);
    await assert.rejects(e.site.editorial.importBundle(bundle, { actorId: null }, { publish: true }), (error: unknown) => {
      assert.ok(error instanceof SiteBundleRefused);
      assert.match(error.problems[0] ?? '', /refers to the topic 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d, which is neither in the file nor on the site/);
      return true;
    });
    assert.equal(await snapshot(e.t), before);
  });
});
