import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';
import { TestClient } from '../../../support/client.ts';
import { signedInResident, visibleText } from '../../account/support.ts';
import { site } from '../../../../src/modules/site/index.ts';
import { removePublished } from '../../../../src/modules/site/published.ts';
import { publishEvent, publishGuide, resultTitles } from './support.ts';

describe('site search relevance', () => {
  let t: TestPlatform;
  let resident: TestClient;
  const search = () => site(t.platform.services).search;
  const titlesFor = async (q: string, extra = ''): Promise<string[]> => {
    const res = await resident.get(`/search?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    return resultTitles(res.body);
  };

  before(async () => {
    t = await createTestPlatform();
    resident = new TestClient(t.app);
    await publishGuide(t, { path: '/roads/streetlight-fault', title: 'Report a streetlight fault', summary: 'Tell us about a light that is out, flickering or damaged.' });
    await publishGuide(t, { path: '/roads/street-lighting-policy', title: 'Street lighting policy', summary: 'When we switch lights off at night and why.', body: 'Our streetlights are LED. Report a faulty streetlight online.' });
    await publishGuide(t, {
      path: '/bins/collection-days',
      title: 'Bin collection days',
      summary: 'Find out which day we empty your bins.',
      body: 'We empty green bins every fortnight and grey bins every week.',
    });
    await publishGuide(t, { path: '/bins/missed', title: 'Missed bins', summary: 'What to do if we did not empty your bin on your collection day.' });
    await publishGuide(t, { path: '/council-tax/pay', title: 'Pay your council tax', summary: 'Pay online, by direct debit or by phone.' });
    await publishGuide(t, { path: '/council-tax/discounts', title: 'Council tax discounts', summary: 'Single person discount and other reductions to your council tax bill.', body: 'You may pay less council tax if you live alone.' });
    await publishEvent(t, { path: '/events/library-storytime', title: 'Storytime at the library', summary: 'Stories and songs for under fives.', startsAt: '2030-03-05T10:30:00Z' });
  });
  after(async () => t.close());

  it('shows the search box with a label, and no results, for an empty query', async () => {
    const res = await resident.get('/search');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<label class="govuk-label govuk-label--l" for="q">\s*Search\s*<\/label>/);
    assert.doesNotMatch(visibleText(res.body), /results?\b/i);
  });

  it('puts the page whose title is the query first', async () => {
    const titles = await titlesFor('council tax discounts');
    assert.equal(titles[0], 'Council tax discounts');
    assert.ok(titles.includes('Pay your council tax') || titles.length === 1);
    const text = visibleText((await resident.get('/search?q=pay+council+tax')).body);
    assert.match(text, /^Search .* \d+ results? Pay your council tax/);
  });

  it('finds "Report a streetlight fault" for "strretlight", saying what it searched for instead', async () => {
    const res = await resident.get('/search?q=strretlight');
    const titles = resultTitles(res.body);
    assert.equal(titles[0], 'Report a streetlight fault');
    assert.match(visibleText(res.body), /Showing results for streetlight \. Search instead for “strretlight” 3 results/);
    // The plural stems to the same word, so the correction finds the same page.
    assert.equal((await titlesFor('strretlights'))[0], 'Report a streetlight fault');
    // Asked to search for exactly what was typed, it finds nothing.
    const exact = await resident.get('/search?q=strretlight&spelling=off');
    assert.match(visibleText(exact.body), /0 results/);
    assert.doesNotMatch(visibleText(exact.body), /Showing results for/);
  });

  it('does not "correct" words the site has', async () => {
    const res = await resident.get('/search?q=streetlight');
    assert.doesNotMatch(visibleText(res.body), /Showing results for/);
  });

  it('finds bin pages for "rubbish collection" through synonyms, and stops when the synonyms are deleted', async () => {
    assert.deepEqual(await titlesFor('rubbish collection'), []);
    const editor = await signedInEditor(t);
    await editor.get('/staff/site/search/synonyms/new');
    const saved = await editor.post('/staff/site/search/synonyms/new', { words: 'Bin, refuse,  rubbish , waste' });
    assert.equal(saved.statusCode, 303, saved.body);
    const titles = await titlesFor('rubbish collection');
    assert.ok(titles.includes('Bin collection days'), `found ${titles.join(', ')}`);
    assert.ok(titles.includes('Missed bins'));
    // A synonym is a known word: it is never "corrected" to a word in the vocabulary.
    assert.doesNotMatch(visibleText((await resident.get('/search?q=rubbish')).body), /Showing results for/);

    const [group] = await search().settings.synonymGroups();
    assert.deepEqual(group?.words, ['bin', 'refuse', 'rubbish', 'waste']);
    await editor.get(`/staff/site/search/synonyms/${group?.id}/delete`);
    assert.equal((await editor.post(`/staff/site/search/synonyms/${group?.id}/delete`)).statusCode, 303);
    assert.deepEqual(await titlesFor('rubbish collection'), []);
  });

  it('shows best bets first, marked "Best bet", in the order editors pinned them', async () => {
    const editor = await signedInEditor(t);
    for (const address of ['/bins/missed', 'http://localhost:3000/roads/streetlight-fault']) {
      await editor.get('/staff/site/search/best-bets/new');
      const res = await editor.post('/staff/site/search/best-bets/new', { query: '  Council   TAX ', address });
      assert.equal(res.statusCode, 303, visibleText(res.body));
    }
    const res = await resident.get('/search?q=council+tax');
    const titles = resultTitles(res.body);
    assert.deepEqual(titles.slice(0, 2), ['Missed bins', 'Report a streetlight fault']);
    assert.ok(titles.includes('Pay your council tax'));
    assert.equal(titles.filter((title) => title === 'Missed bins').length, 1, 'a best bet is not listed twice');
    assert.equal((res.body.match(/govuk-tag--green">\s*Best bet\s*</g) ?? []).length, 2);

    // Removing one leaves the other first.
    await editor.get('/staff/site/search/best-bets');
    await editor.post('/staff/site/search/best-bets/remove', { query: 'council tax', url: '/bins/missed' });
    assert.equal((await titlesFor('council tax'))[0], 'Report a streetlight fault');
  });

  it('refuses a best bet for an address search cannot find', async () => {
    const editor = await signedInEditor(t);
    await editor.get('/staff/site/search/best-bets/new');
    const res = await editor.post('/staff/site/search/best-bets/new', { query: 'parking', address: '/no-such-page' });
    assert.equal(res.statusCode, 400);
    assert.match(visibleText(res.body), /There is a problem There is no published page or form at that address/);
  });

  it('drops unpublished content from the results', async () => {
    const id = await publishGuide(t, { path: '/libraries/opening-hours', title: 'Library opening hours', summary: 'When each library is open.' });
    assert.deepEqual(await titlesFor('library opening hours'), ['Library opening hours']);
    assert.ok(await removePublished(t.platform.services.db, id));
    assert.deepEqual(await titlesFor('library opening hours'), []);
  });

  it('finds changed content by its new words and not its old ones', async () => {
    const id = await publishGuide(t, { path: '/parks/allotments', title: 'Rent an allotment', summary: 'Join the waiting list for an allotment.' });
    await publishGuide(t, { path: '/parks/allotments', title: 'Rent a garden plot', summary: 'Join the waiting list for a garden plot.' }, id);
    assert.deepEqual(await titlesFor('allotment', '&spelling=off'), []);
    assert.deepEqual(await titlesFor('garden plot'), ['Rent a garden plot']);
  });

  it('shows an event’s date and filters by kind', async () => {
    const res = await resident.get('/search?q=storytime');
    assert.match(visibleText(res.body), /Storytime at the library Event 5 March 2030 at 10:30am Stories and songs/);
    assert.deepEqual(await titlesFor('library', '&kind=event'), ['Storytime at the library']);
    assert.deepEqual(await titlesFor('storytime', '&kind=guide'), []);
  });

  it('finds the forms residents can fill in', async () => {
    const res = await resident.get('/search?q=report+streetlight');
    const text = visibleText(res.body);
    assert.match(text, /Report a streetlight fault Form Tell us about a streetlight that is not working/);
    assert.ok(resultTitles(res.body).includes('Report a streetlight fault'));
    assert.match(res.body, /href="\/forms\/report-streetlight"/);
  });

  it('logs searches that found nothing, without anything that looks like personal data', async () => {
    await titlesFor('Dragon  licence');
    await titlesFor('dragon licence');
    await titlesFor('jo.bloggs@example.com');
    await titlesFor('07700 900123');
    await titlesFor('12 SK4 3DA');
    await titlesFor('storytime'); // found something: not logged
    await titlesFor('dragon', '&kind=event'); // a filter that empties the list is not a gap in the content
    const rows = await sql<{ query: string; searches: number }>`select query, searches from site_search_misses order by searches desc, query`.execute(t.platform.services.db);
    const misses = Object.fromEntries(rows.rows.map((r) => [r.query, r.searches]));
    assert.equal(misses['dragon licence'], 2);
    assert.equal(misses['[personal data removed]'], 3);
    assert.ok(!rows.rows.some((r) => /@|07700|sk4/i.test(r.query)), JSON.stringify(rows.rows));
    assert.ok(!('dragon' in misses));

    const editor = await signedInEditor(t);
    const report = visibleText((await editor.get('/staff/site/search/no-results')).body);
    assert.match(report, /\[personal data removed\] 3 .* dragon licence 2/);
    const csv = await editor.get('/staff/site/search/no-results.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^Query,Searches,First searched,Last searched\r\n\[personal data removed\],3,/);
  });

  it('refuses a query over 200 characters with a GOV.UK error', async () => {
    const res = await resident.get(`/search?q=${'a'.repeat(201)}`);
    assert.equal(res.statusCode, 400);
    assert.match(visibleText(res.body), /There is a problem Search terms must be 200 characters or fewer/);
  });

  it('keeps the search settings to editors, and audits their changes', async () => {
    assert.equal((await resident.get('/staff/site/search/synonyms')).statusCode, 302);
    const editor = await signedInEditor(t);
    await editor.get('/staff/site/search/synonyms/new');
    const refused = await editor.post('/staff/site/search/synonyms/new', { words: 'pothole' });
    assert.equal(refused.statusCode, 400);
    assert.match(visibleText(refused.body), /There is a problem Enter at least 2 words, separated by commas/);
    await editor.post('/staff/site/search/synonyms/new', { words: 'pothole, hole in the road' });
    await editor.get('/staff/site/search/synonyms/new');
    const clash = await editor.post('/staff/site/search/synonyms/new', { words: 'pothole, crater' });
    assert.match(visibleText(clash.body), /“pothole” is already in another group of synonyms/);
    const audit = await sql<{ action: string }>`select action from audit_log where action like 'site.search.%' order by id`.execute(t.platform.services.db);
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['site.search.synonyms_added', 'site.search.synonyms_deleted', 'site.search.best_bet_added', 'site.search.best_bet_added', 'site.search.best_bet_removed', 'site.search.synonyms_added'],
    );
  });
});

async function signedInEditor(t: TestPlatform): Promise<TestClient> {
  return (await signedInResident(t, { roles: ['editor'] })).client;
}
