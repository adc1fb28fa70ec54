import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { CONTENT_TYPES, siteBundleSchema, type ContentDocument, type SiteBundle } from '../../../src/modules/site/contracts.ts';
import { richTextLinks, richTextToPlain, type RichText } from '../../../src/modules/site/rich-text/index.ts';
import { buildDemoBundle, demoId } from '../../../src/modules/site/demo/bundle.ts';
import { seedSiteDemo } from '../../../src/modules/site/demo/seed.ts';
import { site } from '../../../src/modules/site/index.ts';
import { siteDb } from '../../../src/modules/site/tables.ts';
import { SiteBundleRefused } from '../../../src/modules/site/editorial/commands.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

const bundle: SiteBundle = buildDemoBundle();
const documents = bundle.content.map((c) => c.document);
const pages = documents.filter((d) => d.path !== null);
const byPath = new Map(pages.map((d) => [d.path, d]));
const FORM_IDS = new Set(readdirSync('forms').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')));

/** Every rich text a document holds. */
function richTexts(d: ContentDocument): RichText[] {
  switch (d.type) {
    case 'home':
    case 'topic':
      return [d.fields.intro];
    case 'guide':
      return d.fields.sections.map((s) => s.body);
    case 'start':
      return [d.fields.body, d.fields.beforeYouStart];
    case 'step_by_step':
      return [d.fields.intro, ...d.fields.steps.map((s) => s.body)];
    case 'alert':
      return [d.fields.message];
    default:
      return [d.fields.body];
  }
}

/** Links that lead somewhere a reader follows: rich text, link lists, start buttons, booking links. */
function links(d: ContentDocument): string[] {
  const hrefs = richTexts(d).flatMap(richTextLinks);
  if (d.type === 'home') hrefs.push(...d.fields.popularTasks.map((l) => l.href));
  if (d.type === 'topic') hrefs.push(...d.fields.featured.map((l) => l.href));
  if (d.type === 'step_by_step') hrefs.push(...d.fields.steps.flatMap((s) => s.links.map((l) => l.href)));
  if (d.type === 'start') hrefs.push(d.fields.startUrl);
  if (d.type === 'event' && d.fields.bookingUrl) hrefs.push(d.fields.bookingUrl);
  return hrefs;
}

/** Whether an address on this site is a demo page, a guide's section, a redirect or one of the app's own routes. */
function resolves(href: string): boolean {
  const path = href.replace(/[?#].*$/, '');
  if (byPath.has(path) || bundle.redirects.some((r) => r.from === path)) return true;
  const guide = byPath.get(path.replace(/\/[^/]+$/, ''));
  if (guide?.type === 'guide' && guide.fields.sections.some((s) => path.endsWith(`/${s.slug}`))) return true;
  if (['/report', '/account', '/sign-in', '/search', '/a-z', '/news', '/events'].includes(path) || path.startsWith('/report/')) return true;
  const form = /^\/forms\/([a-z0-9-]+)$/.exec(path);
  return form !== null && FORM_IDS.has(form[1] ?? '');
}

describe('the demo borough’s website', () => {
  it('is a valid bundle of at least 60 pages with every type of content', () => {
    const parsed = siteBundleSchema.safeParse(JSON.parse(JSON.stringify(bundle)));
    assert.ok(parsed.success, parsed.error?.message);
    assert.ok(pages.length >= 60, `${pages.length} pages`);
    for (const type of CONTENT_TYPES) assert.ok(documents.some((d) => d.type === type), `no ${type}`);
    assert.equal(documents.filter((d) => d.type === 'news').length >= 6, true, 'at least 6 news stories');
    assert.ok(
      documents.filter((d) => d.type === 'news').every((d) => d.type === 'news' && d.fields.date.startsWith('2026-')),
      'news is dated in 2026',
    );
    assert.equal(bundle.settings.name, 'Stockport Council');
  });

  it('gives every page its own address and a stable id from it', () => {
    assert.equal(new Set(pages.map((d) => d.path)).size, pages.length, 'addresses are unique');
    const ids = bundle.content.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const item of bundle.content) if (item.document.path) assert.equal(item.id, demoId(item.document.path));
    assert.deepEqual(buildDemoBundle(), bundle, 'building again gives the same bundle');
    for (const path of ['/accessibility', '/privacy', '/cookies']) assert.ok(byPath.has(path), `${path} replaces the platform's page`);
    for (const r of bundle.redirects) assert.ok(!byPath.has(r.from), `redirect from ${r.from} would hide a page`);
  });

  it('tags every page to topics that exist, in a topic tree without loops', () => {
    const topics = new Map(documents.filter((d) => d.type === 'topic').map((d) => [bundle.content.find((c) => c.document === d)?.id, d]));
    for (const d of documents) {
      for (const id of d.topicIds) assert.ok(topics.has(id), `${d.title} is tagged to a topic that does not exist`);
      if (d.type !== 'home' && d.type !== 'topic' && d.type !== 'alert') assert.ok(d.topicIds.length > 0, `${d.title} has no topic`);
    }
    const home = documents.find((d) => d.type === 'home');
    assert.ok(home?.type === 'home' && home.fields.featuredTopicIds.every((id) => topics.has(id)));
    for (const [id, topic] of topics) {
      const seen = new Set<string | undefined>([id]);
      let parent = topic.type === 'topic' ? topic.fields.parentId : null;
      while (parent) {
        assert.ok(!seen.has(parent), `${topic.title} is its own ancestor`);
        seen.add(parent);
        const next = topics.get(parent);
        assert.ok(next, `${topic.title} has a parent that does not exist`);
        parent = next.type === 'topic' ? next.fields.parentId : null;
      }
    }
    const alerts = documents.filter((d) => d.type === 'alert');
    assert.ok(alerts.some((a) => a.topicIds.length === 0) && alerts.some((a) => a.topicIds.length > 0), 'one site-wide alert and one topic alert');
  });

  it('links only to its own pages and to the app’s services', () => {
    const broken: string[] = [];
    for (const d of documents) for (const href of links(d)) if (href.startsWith('/') && !resolves(href)) broken.push(`${d.path ?? d.title} → ${href}`);
    for (const link of bundle.menus) if (!resolves(link.href)) broken.push(`${link.menu} menu → ${link.href}`);
    for (const r of bundle.redirects) if (!resolves(r.to)) broken.push(`redirect ${r.from} → ${r.to}`);
    assert.deepEqual(broken, []);
    // The check itself catches what it should.
    assert.equal(resolves('/not-a-page'), false);
    assert.equal(resolves('/forms/not-a-form'), false);
    assert.equal(resolves('/what-goes-in-each-bin/blue-bin'), true);
  });

  it('starts the council’s online services from their start pages', () => {
    const start = (title: string) => documents.find((d) => d.type === 'start' && d.title === title);
    const expected: [string, string][] = [
      ['Report a streetlight fault', '/report'],
      ['Report a pothole', '/report'],
      ['Report a blocked drain', '/report'],
      ['Report a missed bin collection', '/forms/missed-bin'],
      ['Book a bulky waste collection', '/forms/bulky-waste'],
      ['Check if you can get a Blue Badge', '/forms/blue-badge-eligibility'],
      ['Tell us you have moved', '/forms/change-of-address'],
    ];
    for (const [title, url] of expected) {
      const page = start(title);
      assert.ok(page?.type === 'start', `no start page "${title}"`);
      assert.equal(page.fields.startUrl, url);
    }
  });

  it('has recurring digital skills help and DigiFeb events', () => {
    const events = documents.flatMap((d) => (d.type === 'event' ? [d] : []));
    const weekly = events.find((e) => e.fields.recurrence?.frequency === 'weekly');
    assert.ok(weekly?.fields.recurrence?.until.startsWith('2027-'));
    const monthly = events.find((e) => e.fields.recurrence?.frequency === 'monthly');
    assert.ok(monthly);
    const first = new Date(monthly.fields.startsAt);
    assert.equal(first.getUTCDay(), 2, 'the café is on a Tuesday');
    assert.ok(first.getUTCDate() <= 7, 'the first Tuesday of the month');
    assert.ok(events.filter((e) => e.title.startsWith('DigiFeb') && e.fields.startsAt.slice(5, 7) === '02').length >= 3, 'several DigiFeb sessions in February');
    assert.ok(events.some((e) => e.title.startsWith('DigiFest')));
    for (const e of events) assert.ok(new Date(e.fields.endsAt) > new Date(e.fields.startsAt), `${e.title} ends after it starts`);
  });

  it('uses only made-up phone numbers and email addresses, and no "click here"', () => {
    const words = documents.map((d) => [d.title, d.summary, ...richTexts(d).map(richTextToPlain), d.type === 'contact' ? `${d.fields.phone ?? ''} ${d.fields.email ?? ''}` : ''].join('\n')).join('\n');
    // Ofcom keeps 0161 496 0000 to 0999 for drama; 999 and Childline are real numbers people should know.
    const phones = [...words.matchAll(/\b0\d{3} ?\d{3} ?\d{4}\b|\b0800 ?\d{3} ?\d{4}\b|\b0800 1111\b/g)].map((m) => m[0]);
    assert.ok(phones.length > 10);
    for (const phone of phones) assert.match(phone, /^0161 496 0\d{3}$|^0800 1111$/);
    const emails = [...words.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)*/g)].map((m) => m[0]);
    assert.ok(emails.length > 10);
    for (const email of emails) assert.match(email, /@demo\.lastmile\.test$/);
    assert.doesNotMatch(words, /click here/i);
  });
});

describe('seeding the demo website', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(async () => t.close());

  it('publishes the whole site once, and leaves it alone after that', async (context) => {
    const s = site(t.platform.services);
    try {
      await seedSiteDemo(s, () => undefined);
    } catch (error) {
      if (!platformPagesInTheWay(error)) throw error;
      context.skip('the platform still answers /accessibility, /privacy and /cookies itself, so content cannot replace them yet');
      return;
    }
    const home = await s.published.byPath('/');
    assert.ok(home, 'the home page is live');
    assert.equal(home.document.type, 'home');
    assert.equal(home.id, demoId('/'));
    assert.equal((await s.published.all()).length, bundle.content.length);
    const streetlight = await s.published.byPath('/report-a-streetlight-fault');
    assert.equal(streetlight?.document.title, 'Report a streetlight fault');
    const page = await t.app.inject({ url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Report a streetlight fault/);

    const versions = async () => Number((await siteDb(t.platform.services.db).selectFrom('site_content_versions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await versions();
    await seedSiteDemo(s, () => undefined);
    assert.equal(await versions(), before, 'a second seed writes nothing');
  });
});

/**
 * The one refusal this test waits out: the demo's accessibility statement, privacy notice and cookies page replace
 * the platform's own, which needs the website to claim those addresses first. Any other problem fails the test.
 */
function platformPagesInTheWay(error: unknown): boolean {
  return (
    error instanceof SiteBundleRefused &&
    error.problems.length > 0 &&
    error.problems.every((p) => /the address \/(accessibility|privacy|cookies) is also used by another part of the website$/.test(p))
  );
}
