import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { site } from '../../../../src/modules/site/index.ts';
import { contentIdOf } from '../../../../src/modules/site/sources/contentful/ids.ts';
import { putPublished } from '../../../../src/modules/site/published.ts';
import type { ContentDocument, DocumentOf, PublishedContent } from '../../../../src/modules/site/contracts.ts';
import { ContentfulServer } from '../../../support/contentful-server.ts';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import { signedInAs } from '../../identity/support/identity.ts';

const TOKEN = 'delivery-token-4f1c9a';
const SECRET = 'webhook-secret-0b7e2d6a9c';
const FIRST_SYNC_TOKEN = 'w5ZGw6JFwqZmVcKsE8Kow4grw45QdybCwp1eSYb6';
const SECOND_SYNC_TOKEN = 'w5ZGw6JFwqZmVcKsE8Kow4grw45QdybCwp1eSYb7';
const id = contentIdOf;

async function live(t: TestPlatform, entryId: string): Promise<PublishedContent | undefined> {
  return site(t.platform.services).published.byId(id(entryId));
}

function isType<T extends ContentDocument['type']>(document: ContentDocument, type: T): document is DocumentOf<T> {
  return document.type === type;
}

function documentOf<T extends ContentDocument['type']>(content: PublishedContent | undefined, type: T): DocumentOf<T> {
  assert.ok(content, `a live ${type}`);
  const { document } = content;
  if (!isType(document, type)) assert.fail(`expected a ${type}, found a ${document.type}`);
  return document;
}

async function stateRow(t: TestPlatform): Promise<{ sync_token: string | null; last_error: string | null }> {
  const result = await sql<{ sync_token: string | null; last_error: string | null }>`select sync_token, last_error from site_source_state`.execute(t.platform.services.db);
  const row = result.rows[0];
  assert.ok(row);
  return row;
}

async function queuedSyncJobs(t: TestPlatform): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from pgboss.job where name = 'site.contentful-sync' and state = 'created'`.execute(t.platform.services.db);
  return result.rows[0]?.count ?? 0;
}

/** The text of the staff page's summary rows and problems, tags stripped. */
function pageText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}

describe('content mirrored from Contentful', () => {
  let contentful: ContentfulServer;
  let t: TestPlatform;

  before(async () => {
    contentful = await ContentfulServer.start({ accessToken: TOKEN });
    t = await createTestPlatform({ ...contentful.env(), STAFF_2FA: 'optional', CONTENTFUL_WEBHOOK_SECRET: SECRET });
    await t.platform.services.jobs.start();
  });
  after(async () => {
    await t.close();
    await contentful.close();
  });

  it('copies every published page and alert into the live site on the first sync, following links between entries', async () => {
    const result = await site(t.platform.services).source.sync();
    assert.equal(result.live, 8);
    assert.deepEqual(result.skipped, []);
    // The guide's link to the start page arrived on the second page: mapped again then, so no warning about it stays.
    assert.deepEqual(result.warnings, [{ entryId: '1GuideRecycling', message: 'sections[1].body: a horizontal rule cannot be shown on the site and was left out' }]);
    // What the SDK asks Contentful for: the default locale, then the initial sync in two pages.
    assert.deepEqual(
      contentful.requests.map((r) => `${r.path.replace('/spaces/wlm7c0uncil2/environments/master', '')}?${r.query.toString()}`),
      ['/locales?', '/sync?initial=true', '/sync?sync_token=wonSeVrjPAGE2'],
    );
    assert.equal((await stateRow(t)).sync_token, FIRST_SYNC_TOKEN);

    const topicId = id('6TopicBins');
    const guide = documentOf(await live(t, '1GuideRecycling'), 'guide');
    assert.deepEqual(guide, {
      type: 'guide',
      path: '/bins-and-recycling/recycling-and-rubbish',
      title: 'Recycling and rubbish collections',
      summary: 'What goes in each bin and when your bins are collected',
      topicIds: [topicId],
      lgaServiceCodes: [524],
      fields: {
        sections: [
          {
            title: 'What goes in each bin',
            slug: 'what-goes-in-each-bin',
            body: [
              { type: 'heading', level: 2, text: 'Blue bin' },
              { type: 'paragraph', content: [{ type: 'text', text: 'Put ' }, { type: 'text', text: 'clean', bold: true }, { type: 'text', text: ' paper, card, cans and plastic bottles in your blue bin.' }] },
              {
                type: 'list',
                style: 'bullet',
                items: [[{ type: 'text', text: 'newspapers and magazines' }], [{ type: 'text', text: 'food tins and drinks cans' }], [{ type: 'text', text: 'plastic bottles, with their lids on' }]],
              },
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'If your bin was not emptied, ' },
                  { type: 'link', text: 'report a missed bin collection', href: '/bins-and-recycling/report-a-missed-bin' },
                  { type: 'text', text: '. For anything else, read the ' },
                  { type: 'link', text: 'national guidance on recycling', href: 'https://www.gov.uk/recycling-collections' },
                  { type: 'text', text: '.' },
                ],
              },
            ],
          },
          {
            title: 'Collection days',
            slug: 'collection-days',
            body: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Bins are collected every other week, on the same day of the week.' }] },
              { type: 'heading', level: 3, text: 'Bank holidays' },
              { type: 'list', style: 'number', items: [[{ type: 'text', text: 'Collections move one day later in a bank holiday week.' }], [{ type: 'text', text: 'Put your bin out by 7am.' }]] },
            ],
          },
        ],
      },
    });

    // The space's default locale (en-GB), not the first one an entry happens to list (Welsh).
    const topic = documentOf(await live(t, '6TopicBins'), 'topic');
    assert.equal(topic.title, 'Bins and recycling');
    assert.equal(topic.path, '/bins-and-recycling');
    assert.equal(topic.fields.parentId, null);

    const home = documentOf(await live(t, '7HomePage'), 'home');
    assert.equal(home.path, '/');
    assert.deepEqual(home.fields.popularTasks, [{ text: 'Report a missed bin', href: '/bins-and-recycling/report-a-missed-bin' }]);
    assert.deepEqual(home.fields.featuredTopicIds, [topicId]);

    const start = documentOf(await live(t, '5StartMissedBin'), 'start');
    assert.equal(start.fields.startUrl, '/forms/missed-bin');
    assert.deepEqual(start.fields.beforeYouStart, [{ type: 'paragraph', content: [{ type: 'text', text: 'You can only report a missed bin up to 2 working days after your collection day.' }] }]);

    const news = documentOf(await live(t, '3NewsGardenWaste'), 'news');
    assert.equal(news.fields.date, '2025-02-20');
    assert.deepEqual(news.topicIds, [topicId]);

    const event = documentOf(await live(t, '8EventRepairCafe'), 'event');
    assert.equal(event.fields.startsAt, '2025-04-05T09:00:00.000Z');
    assert.equal(event.fields.endsAt, '2025-04-05T12:00:00.000Z');
    assert.deepEqual(event.fields.recurrence, { frequency: 'monthly', until: '2025-12-06' });
    assert.deepEqual(event.fields.venue, { name: 'Central Library', address: 'Wellington Road South, Wellmouth', postcode: 'WM1 3RS' });
    assert.equal(event.fields.bookingUrl, null);

    const alert = documentOf(await live(t, '9AlertStorm'), 'alert');
    assert.equal(alert.path, null);
    assert.equal(alert.fields.severity, 'important');
    assert.equal(alert.fields.showFrom, '2025-01-23T12:00:00.000Z');
    assert.deepEqual(alert.fields.message, [{ type: 'paragraph', content: [{ type: 'text', text: 'Bin collections are suspended on Friday 24 January because of high winds.', bold: true }] }]);
    assert.deepEqual(alert.topicIds, [topicId]);

    const publication = documentOf(await live(t, '0PubCalendar'), 'publication');
    assert.deepEqual(publication.fields.documents, [
      { title: 'Bin collection calendar 2025', url: 'https://assets.ctfassets.net/wlm7c0uncil2/3xQvCalendarPdf/9c1f0e4b2d/bin-collection-calendar-2025.pdf', format: 'PDF', sizeBytes: 482133 },
    ]);
  });

  it('serves the mirrored pages to the public', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/bins-and-recycling/recycling-and-rubbish' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Recycling and rubbish collections/);
  });

  it('shows staff who edit the site when it last synced and what to fix in Contentful', async () => {
    const { client } = await signedInAs(t, 'editor@example.com', ['editor']);
    const page = await client.get('/staff/site/source');
    assert.equal(page.statusCode, 200);
    const text = pageText(page.body);
    assert.match(text, /Contentful space wlm7c0uncil2 \(environment master\)/);
    assert.match(text, /Changed in the last sync 10 published or updated, 0 removed, 0 not published because of a problem/);
    assert.match(text, /Pages and alerts on the site 8/);
    assert.match(text, /1GuideRecycling sections\[1\]\.body: a horizontal rule cannot be shown on the site and was left out/);
    assert.doesNotMatch(text, /did not work/);

    const resident = await signedInAs(t, 'resident@example.com');
    assert.equal((await resident.client.get('/staff/site/source')).statusCode, 403);
  });

  it('applies a later change and a deletion from the next delta, mapping again the pages a changed part belongs to', async () => {
    contentful.publish(FIRST_SYNC_TOKEN, 'sync-delta.json');
    const newsBefore = await live(t, '3NewsGardenWaste');
    const guideBefore = await live(t, '1GuideRecycling');
    const result = await site(t.platform.services).source.sync();
    assert.equal(result.applied, 1);
    assert.equal(result.removed, 1);
    assert.equal(result.live, 7);
    assert.equal(await live(t, '8EventRepairCafe'), undefined);

    const guide = await live(t, '1GuideRecycling');
    assert.equal(guide?.version, (guideBefore?.version ?? 0) + 1);
    const sections = documentOf(guide, 'guide').fields.sections;
    assert.deepEqual(sections[1]?.body[2], {
      type: 'list',
      style: 'number',
      items: [[{ type: 'text', text: 'There are no changes to collections over bank holidays this year.' }], [{ type: 'text', text: 'Put your bin out by 7am.' }]],
    });
    assert.deepEqual(await live(t, '3NewsGardenWaste'), newsBefore);
    assert.equal((await stateRow(t)).sync_token, SECOND_SYNC_TOKEN);

    const again = await site(t.platform.services).source.sync();
    assert.deepEqual({ applied: again.applied, removed: again.removed, live: again.live }, { applied: 0, removed: 0, live: 7 });
  });

  it('skips and reports an entry that is not valid content, keeping it as it was, while the rest of the page applies', async () => {
    contentful.publish(SECOND_SYNC_TOKEN, 'sync-delta-invalid.json');
    const newsBefore = await live(t, '3NewsGardenWaste');
    const result = await site(t.platform.services).source.sync();
    assert.equal(result.applied, 1);
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0]?.entryId, '3NewsGardenWaste');
    assert.match(result.skipped[0]?.message ?? '', /^path: Enter an address like/);
    assert.deepEqual(await live(t, '3NewsGardenWaste'), newsBefore);
    assert.equal(documentOf(await live(t, '6TopicBins'), 'topic').title, 'Bins, recycling and waste');

    const { client } = await signedInAs(t, 'editor2@example.com', ['editor']);
    const text = pageText((await client.get('/staff/site/source')).body);
    assert.match(text, /1 published or updated, 0 removed, 1 not published because of a problem/);
    assert.match(text, /3NewsGardenWaste path: Enter an address like/);
  });

  it('queues one sync for a burst of publish webhooks with the right secret, and refuses a wrong one', async () => {
    const webhook = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/site/contentful/webhook',
        headers: { 'content-type': 'application/vnd.contentful.management.v1+json', 'x-contentful-topic': 'ContentManagement.Entry.publish', ...headers },
        payload: JSON.stringify({ sys: { type: 'Entry', id: '3NewsGardenWaste' } }),
      });
    assert.equal((await webhook({})).statusCode, 401);
    assert.equal((await webhook({ 'x-lastmile-webhook-secret': 'not-the-secret' })).statusCode, 401);
    assert.equal(await queuedSyncJobs(t), 0);

    const first = await webhook({ 'x-lastmile-webhook-secret': SECRET });
    assert.equal(first.statusCode, 202);
    assert.deepEqual(first.json(), { queued: true });
    const second = await webhook({ 'x-lastmile-webhook-secret': SECRET });
    assert.deepEqual(second.json(), { queued: false });
    assert.equal(await queuedSyncJobs(t), 1);
  });

  it('"Sync now" runs a sync straight away for staff who edit the site', async () => {
    // As if the webhook's job had run: nothing waiting, so "Sync now" queues a new one.
    await sql`delete from pgboss.job where name = 'site.contentful-sync'`.execute(t.platform.services.db);
    await sql`update site_source_state set sync_requested_at = null, last_success_at = null`.execute(t.platform.services.db);
    const { client, userId } = await signedInAs(t, 'editor3@example.com', ['editor']);
    await client.get('/staff/site/source');
    const res = await client.post('/staff/site/source/sync');
    assert.equal(res.statusCode, 303);
    const after = await client.follow(res);
    assert.match(after.body, /Content will be synced from Contentful in the next minute/);
    const audit = await t.platform.services.audit.forSubject('site_source', 'contentful');
    assert.deepEqual(audit.filter((a) => a.action === 'site.source_sync_requested').map((a) => a.actor_id), [userId]);
    // Syncs that changed the site are in the audit log too, as the system's doing.
    assert.ok(audit.some((a) => a.action === 'site.contentful_synced' && a.actor_id === null));

    const syncs = contentful.syncRequests().length;
    await t.platform.services.jobs.work(0.5);
    for (let i = 0; i < 100 && !(await site(t.platform.services).source.status()).lastSuccessAt; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok((await site(t.platform.services).source.status()).lastSuccessAt, 'the sync ran');
    assert.equal(contentful.syncRequests().length, syncs + 1);
  });
});

describe('a Contentful sync that cannot reach the content', () => {
  let contentful: ContentfulServer;
  let t: TestPlatform;

  before(async () => {
    contentful = await ContentfulServer.start({ accessToken: TOKEN });
    t = await createTestPlatform({ ...contentful.env('a-token-that-was-revoked'), STAFF_2FA: 'optional' });
  });
  after(async () => {
    await t.close();
    await contentful.close();
  });

  it('fails with Contentful’s answer, records it for staff, and changes nothing', async () => {
    const services = t.platform.services;
    const document: ContentDocument = { type: 'topic', path: '/parking', title: 'Parking', summary: 'Permits and fines', topicIds: [], lgaServiceCodes: [], fields: { parentId: null, intro: [], featured: [] } };
    await putPublished(services.db, { id: '0b8f5a52-2f0e-4d8e-9d52-9b4a8d1c7e01', version: 1, document });

    await assert.rejects(site(services).source.sync(), { name: 'ContentfulSyncError', message: 'Contentful answered 401 Unauthorized: The access token you sent could not be found or is invalid.' });
    assert.equal((await site(services).published.all()).length, 1);
    const state = await stateRow(t);
    assert.equal(state.sync_token, null);
    assert.equal(state.last_error, 'Contentful answered 401 Unauthorized: The access token you sent could not be found or is invalid.');

    const { client } = await signedInAs(t, 'editor@example.com', ['editor']);
    const text = pageText((await client.get('/staff/site/source')).body);
    assert.match(text, /The last sync did not work: Contentful answered 401 Unauthorized/);
    assert.match(text, /Last synced Not yet/);
  });
});

describe('the built-in content source', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'optional' });
  });
  after(() => t.close());

  it('has nothing to sync, is edited here, and does not take Contentful webhooks', async () => {
    const { source } = site(t.platform.services);
    assert.equal(source.name, 'builtin');
    assert.equal(source.editable, true);
    assert.deepEqual(await source.sync(), { applied: 0, removed: 0, skipped: [], warnings: [], live: 0 });
    const res = await t.app.inject({ method: 'POST', url: '/site/contentful/webhook', headers: { 'x-lastmile-webhook-secret': SECRET }, payload: '{}' });
    assert.equal(res.statusCode, 404);
    const { client } = await signedInAs(t, 'editor@example.com', ['editor']);
    const page = await client.get('/staff/site/source');
    assert.match(pageText(page.body), /Content is written and published on this site/);
    assert.doesNotMatch(page.body, /Sync now/);
  });
});
