import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import { siteDb } from '../../../../src/modules/site/tables.ts';
import { md, publish, textOf, topic } from './support.ts';

describe('the public website pages', () => {
  let t: TestPlatform;
  const ids = { bins: randomUUID(), collections: randomUUID(), guide: randomUUID() };

  before(async () => {
    t = await createTestPlatform();
    await publish(t, topic('Bins and recycling', '/bins-and-recycling'), ids.bins);
    await publish(t, topic('Bin collections', '/bins-and-recycling/collections', ids.bins), ids.collections);
    await publish(
      t,
      {
        type: 'guide',
        path: '/bins-and-recycling/garden-waste',
        title: 'Garden waste collections',
        summary: 'Pay for a garden waste bin and find out what goes in it',
        topicIds: [ids.collections],
        fields: {
          sections: [
            { title: 'Overview', slug: 'overview', body: md('We collect garden waste **every two weeks**.') },
            { title: 'What goes in your bin', slug: 'what-goes-in', body: md('- grass cuttings\n- leaves') },
            { title: 'Prices', slug: 'prices', body: md('It costs £55 a year.') },
          ],
        },
      },
      ids.guide,
    );
  });
  after(async () => t.close());

  it('falls back to a page listing the services when no home page is published', async () => {
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /online services<\/h1>/);
    assert.match(res.body, /<h2 class="govuk-heading-m">Services<\/h2>/);
  });

  it('shows a guide with its contents, a section at its own address, and previous and next links', async () => {
    const res = await t.app.inject('/bins-and-recycling/garden-waste');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-xl">Garden waste collections<\/h1>/);
    assert.match(res.body, /We collect garden waste <strong>every two weeks<\/strong>/);
    assert.match(res.body, /<span aria-current="page">Overview<\/span>/);
    assert.match(res.body, /href="\/bins-and-recycling\/garden-waste\/prices">Prices</);
    const crumbs = /<nav class="govuk-breadcrumbs[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
    assert.equal(textOf(crumbs), 'Home Bins and recycling Bin collections');

    const section = await t.app.inject('/bins-and-recycling/garden-waste/what-goes-in');
    assert.equal(section.statusCode, 200);
    assert.match(section.body, /<title>Garden waste collections: What goes in your bin/);
    assert.match(section.body, /<li>grass cuttings<\/li>/);
    assert.match(section.body, /<span aria-current="page">What goes in your bin<\/span>/);
    assert.match(section.body, /href="\/bins-and-recycling\/garden-waste"[^>]*>[\s\S]*?Previous[\s\S]*?Overview/);
    assert.match(section.body, /href="\/bins-and-recycling\/garden-waste\/prices"[^>]*>[\s\S]*?Next[\s\S]*?Prices/);
    assert.match(section.body, /Last updated \d{1,2} \w+ \d{4}/);

    assert.equal((await t.app.inject('/bins-and-recycling/garden-waste/no-such-section')).statusCode, 404);
  });

  it('shows a topic with its sub-topics and the content tagged to it', async () => {
    const res = await t.app.inject('/bins-and-recycling/collections');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/bins-and-recycling\/garden-waste">Garden waste collections</);
    const parent = await t.app.inject('/bins-and-recycling');
    assert.match(parent.body, /href="\/bins-and-recycling\/collections">Bin collections</);
  });

  it('shows a start page with a GOV.UK start button to the service', async () => {
    await publish(t, {
      type: 'start',
      path: '/bins-and-recycling/report-missed-bin',
      title: 'Report a missed bin',
      summary: 'Tell us if we did not collect your bin',
      topicIds: [ids.collections],
      fields: { body: md('Use this service if your bin was out by 7am.'), startUrl: '/forms/missed-bin', beforeYouStart: md('You need your address.') },
    });
    const res = await t.app.inject('/bins-and-recycling/report-missed-bin');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="\/forms\/missed-bin"[^>]*class="govuk-button govuk-button--start"[^>]*>\s*Start now/);
    assert.match(res.body, /Before you start/);
    // Related content: other live pages sharing a topic.
    assert.match(res.body, /Related content[\s\S]*href="\/bins-and-recycling\/garden-waste">Garden waste collections</);
  });

  it('shows a step by step as a numbered list of steps with their links', async () => {
    await publish(t, {
      type: 'step_by_step',
      path: '/blue-badge-step-by-step',
      title: 'Get a Blue Badge: step by step',
      summary: 'How to apply',
      fields: {
        intro: md('Follow these steps.'),
        steps: [
          { title: 'Check if you can get one', body: md('Most people over 65 qualify.'), links: [{ text: 'Check the rules', href: '/blue-badge/eligibility' }] },
          { title: 'Apply online', body: md('It takes 20 minutes.') },
          { title: 'Apply by post', body: md('Ask for a paper form.'), logic: 'or' },
        ],
      },
    });
    const res = await t.app.inject('/blue-badge-step-by-step');
    assert.equal(res.statusCode, 200);
    const steps = [...res.body.matchAll(/<h2 class="govuk-heading-m app-step-by-step__title">([\s\S]*?)<\/h2>/g)].map((m) => textOf(m[1] ?? '').replace(' :', ':'));
    assert.deepEqual(steps, ['Step 1: Check if you can get one', 'Step 2: Apply online', 'or Apply by post']);
    assert.match(res.body, /href="\/blue-badge\/eligibility">Check the rules</);
  });

  it('shows news, contact and publication pages with their details', async () => {
    await publish(t, { type: 'news', path: '/news/new-recycling-centre', title: 'New recycling centre opens', summary: 'A new centre in Bredbury', fields: { body: md('It opens on Monday.'), date: '2026-03-02' } });
    await publish(t, {
      type: 'contact',
      path: '/contact-us',
      title: 'Contact the council',
      summary: 'Phone, email or visit',
      fields: { body: md('We answer most calls in 5 minutes.'), phone: '0161 480 4949', email: 'help@stockport.example', address: 'Fred Perry House\nEdward Street', openingHours: 'Monday to Friday, 9am to 5pm' },
    });
    await publish(t, {
      type: 'publication',
      path: '/local-plan',
      title: 'Local plan 2026',
      summary: 'Our plan for homes and jobs',
      fields: { body: md('Read the plan.'), publishedOn: '2026-01-15', documents: [{ title: 'Local plan (full)', url: '/files/local-plan.pdf', format: 'pdf', sizeBytes: 2_500_000 }] },
    });
    const news = await t.app.inject('/news/new-recycling-centre');
    assert.match(news.body, /Published 2 March 2026/);
    const contact = await t.app.inject('/contact-us');
    assert.match(contact.body, /<a class="govuk-link" href="tel:01614804949">0161 480 4949<\/a>/);
    assert.match(contact.body, /href="mailto:help@stockport.example"/);
    assert.match(contact.body, /Fred Perry House<br>Edward Street/);
    const publication = await t.app.inject('/local-plan');
    assert.match(publication.body, /href="\/files\/local-plan.pdf">Local plan \(full\)<\/a>\s*<span[^>]*>PDF, 2.4 MB<\/span>/);
    assert.match(publication.body, /Published 15 January 2026/);
  });

  it('shows an event in London time with place, cost, booking link and later dates', async () => {
    const year = new Date().getUTCFullYear() + 1;
    await publish(t, {
      type: 'event',
      path: '/events/craft-club',
      title: 'Craft club',
      summary: 'Make things at the library',
      fields: {
        body: md('All welcome.'),
        startsAt: `${year}-07-07T17:30:00Z`,
        endsAt: `${year}-07-07T19:00:00Z`,
        recurrence: { frequency: 'weekly', until: `${year}-07-28` },
        venue: { name: 'Central Library', address: 'Wellington Road South', postcode: 'SK1 3RS' },
        cost: 'Free',
        bookingUrl: 'https://tickets.example/craft',
      },
    });
    const res = await t.app.inject('/events/craft-club');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    const dayOf = (date: number): string => new Date(Date.UTC(year, 6, date)).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
    assert.match(text, new RegExp(`Next date ${dayOf(7)} 7 July ${year}, 6:30pm to 8pm`));
    assert.match(text, /Place Central Library, Wellington Road South, SK1 3RS/);
    assert.match(text, /Cost Free/);
    assert.match(res.body, /href="https:\/\/tickets.example\/craft"[^>]*>\s*Book a place/);
    assert.match(text, new RegExp(`Later dates ${dayOf(14)} 14 July ${year}, 6:30pm to 8pm ${dayOf(21)} 21 July ${year}, 6:30pm to 8pm ${dayOf(28)} 28 July ${year}`));

    const ics = await t.app.inject('/events/craft-club.ics');
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    assert.match(ics.body, new RegExp(`DTSTART;TZID=Europe/London:${year}0707T183000\\r\\n`));
    assert.match(ics.body, new RegExp(`RRULE:FREQ=WEEKLY;UNTIL=${year}0728T235959`));
    assert.equal((await t.app.inject('/events/no-such-event.ics')).statusCode, 404);
  });

  it('lists upcoming event dates with weekly and monthly repeats expanded', async () => {
    const day = 86_400_000;
    const inTwoMonths = new Date();
    inTwoMonths.setUTCDate(1);
    inTwoMonths.setUTCMonth(inTwoMonths.getUTCMonth() + 2);
    const firstTuesday = (monthsLater: number): Date => {
      const d = new Date(Date.UTC(inTwoMonths.getUTCFullYear(), inTwoMonths.getUTCMonth() + monthsLater, 1, 12));
      d.setUTCDate(1 + ((2 - d.getUTCDay() + 7) % 7));
      return d;
    };
    const iso = (d: Date): string => d.toISOString().slice(0, 10);
    const first = firstTuesday(0);
    await publish(t, {
      type: 'event',
      path: '/events/council-meeting',
      title: 'Full council meeting',
      summary: 'Watch the council meet',
      fields: {
        body: md('Open to the public.'),
        // Monthly from a first Tuesday means the first Tuesday of each month after.
        startsAt: `${iso(first)}T12:00:00Z`,
        endsAt: `${iso(first)}T13:00:00Z`,
        recurrence: { frequency: 'monthly', until: iso(new Date(firstTuesday(2).getTime() + 7 * day)) },
        venue: { name: 'Town Hall' },
        cost: 'Free',
      },
    });
    const soon = new Date(Date.now() + 3 * day);
    await publish(t, {
      type: 'event',
      path: '/events/walk',
      title: 'Health walk',
      summary: 'A gentle walk in the park',
      fields: {
        body: md('Meet at the gate.'),
        startsAt: `${iso(soon)}T10:00:00Z`,
        endsAt: `${iso(soon)}T11:00:00Z`,
        recurrence: { frequency: 'weekly', until: iso(new Date(soon.getTime() + 14 * day)) },
        venue: { name: 'Vernon Park' },
        cost: 'Free',
      },
    });
    const res = await t.app.inject('/events');
    assert.equal(res.statusCode, 200);
    const items = [...res.body.matchAll(/<li class="app-topic-list__item">([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] ?? ''));
    const dayOf = (d: Date): string => d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).replace(',', '');
    const meetings = items.filter((i) => i.startsWith('Full council meeting'));
    assert.deepEqual(
      meetings.map((m) => m.replace(/^Full council meeting (.*?), .*$/, '$1')),
      [0, 1, 2].map((n) => dayOf(firstTuesday(n))),
    );
    const walks = items.filter((i) => i.startsWith('Health walk'));
    assert.deepEqual(
      walks.map((w) => w.replace(/^Health walk (.*?), .*$/, '$1')),
      [0, 7, 14].map((n) => dayOf(new Date(soon.getTime() + n * day))),
    );
    const starts = items.map((i) => i);
    assert.ok(starts.indexOf(walks[0] ?? '') < starts.indexOf(meetings[0] ?? ''), 'soonest first');
  });

  it('lists topics, start pages and guides in the A to Z', async () => {
    const res = await t.app.inject('/a-z');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a class="govuk-link" href="#b">B<\/a>/);
    assert.match(res.body, /<span class="app-a-z__empty">Z<\/span>/);
    assert.match(res.body, /id="g">G<\/h2>\s*<ul class="govuk-list">\s*<li><a class="govuk-link" href="\/bins-and-recycling\/garden-waste">Garden waste collections<\/a>/);
    assert.match(res.body, /href="\/bins-and-recycling\/report-missed-bin">Report a missed bin</);
    assert.doesNotMatch(res.body, /New recycling centre opens/, 'news is not a service');
  });

  it('pages the news newest first', async () => {
    for (let day = 1; day <= 12; day++) {
      const dd = String(day).padStart(2, '0');
      await publish(t, { type: 'news', path: `/news/story-${day}`, title: `Story ${day}`, summary: 'News', fields: { body: md('Text.'), date: `2025-05-${dd}` } });
    }
    const first = await t.app.inject('/news');
    const titles = (html: string): string[] => [...html.matchAll(/<a class="govuk-link" href="\/news\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
    assert.deepEqual(titles(first.body).slice(0, 3), ['New recycling centre opens', 'Story 12', 'Story 11']);
    assert.equal(titles(first.body).length, 10);
    assert.match(first.body, /Showing 1 to 10 of 13 news stories/);
    assert.match(first.body, /href="\/news\?page=2"/);
    const second = await t.app.inject('/news?page=2');
    assert.deepEqual(titles(second.body), ['Story 3', 'Story 2', 'Story 1']);
    assert.equal((await t.app.inject('/news?page=3')).statusCode, 404);
    assert.equal((await t.app.inject('/news?page=abc')).statusCode, 404);
  });

  it('follows redirects for unknown addresses and answers 404 otherwise', async () => {
    const db = siteDb(t.platform.services.db);
    await db.insertInto('site_redirects').values([
      { from_path: '/old-bins', to_path: '/bins-and-recycling', permanent: true, created_by: null },
      { from_path: '/winter', to_path: '/bins-and-recycling/collections', permanent: false, created_by: null },
    ]).execute();
    const moved = await t.app.inject('/old-bins');
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, '/bins-and-recycling');
    const temporary = await t.app.inject('/winter');
    assert.equal(temporary.statusCode, 302);
    const missing = await t.app.inject('/no-such-page');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Page not found/);
    assert.equal((await t.app.inject('/Not_A_Valid/Path')).statusCode, 404);
  });

  it('serves the published home page with popular tasks and topics', async () => {
    await publish(t, {
      type: 'home',
      path: '/',
      title: 'Stockport Council',
      summary: 'Services and information',
      fields: { intro: md('Welcome.'), popularTasks: [{ text: 'Pay council tax', href: '/council-tax/pay' }], featuredTopicIds: [] },
    });
    const res = await t.app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-xl">Stockport Council<\/h1>/);
    assert.match(res.body, /href="\/council-tax\/pay">Pay council tax</);
    assert.match(res.body, /href="\/bins-and-recycling">Bins and recycling</);
    assert.doesNotMatch(res.body, /govuk-breadcrumbs/);
  });
});
