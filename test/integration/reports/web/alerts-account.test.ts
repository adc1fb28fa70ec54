import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, errorSummary } from '../../../support/client.ts';
import { reportAlerts } from '../../../../src/modules/reports/alerts/index.ts';
import { alertsDb } from '../../../../src/modules/reports/alerts/tables.ts';
import { signedInResident, visibleText } from '../../account/support.ts';
import { east, type ReportsTest, type StreetPlace } from '../support.ts';
import { alertsBed, linkIn, mailTo } from './alerts-support.ts';

// A platform of its own: the sign-up form allows 20 sign-ups a quarter-hour from one address, and alerts.test.ts uses most.
describe('asking again for an email alert, and the alerts on My Account', () => {
  let test: ReportsTest;
  let street: StreetPlace;
  let wardCode: string;
  let wardName: string;
  before(async () => {
    ({ test, street, wardCode, wardName } = await alertsBed());
  });
  after(async () => test.close());

  const services = () => test.t.platform.services;
  const rowsFor = (email: string) => alertsDb(services().db).selectFrom('report_alerts').selectAll().where('email', '=', email).execute();

  /** The sign-up form as a person fills it in; the same "check your email" page whatever it did. */
  async function signUp(form: Record<string, string | string[]>, client = new TestClient(test.t.app)): Promise<TestClient> {
    await client.get('/reports/alerts');
    const res = await client.post('/reports/alerts', form);
    assert.equal(res.statusCode, 303, errorSummary(res.body).join('; '));
    assert.equal(res.headers.location, '/reports/alerts/check-your-email');
    const page = await client.follow(res);
    assert.equal(visibleText(page.body), visibleText((await new TestClient(test.t.app).get('/reports/alerts/check-your-email')).body), 'the same page as any sign-up');
    return client;
  }

  async function confirm(client: TestClient, link: string): Promise<void> {
    await client.get(link);
    const done = await client.post(link, {});
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Your email alert has started/);
  }

  it('makes no second alert for one already started: it emails the address that it already gets it, with the link to stop it', async () => {
    const email = 'twice.confirmed@example.com';
    const form = { area: 'ward', ward: wardCode, categories: ['pothole', 'streetlight'], email };
    const first = await signUp(form);
    await confirm(first, linkIn((await mailTo(services(), email))[0]?.body, 'confirm'));
    assert.deepEqual((await rowsFor(email))[0]?.category_codes.toSorted(), ['pothole', 'streetlight']);

    // Someone else, the kinds ticked in another order and the address in capitals: the same alert.
    await signUp({ ...form, categories: ['streetlight', 'pothole'], email: email.toUpperCase() });
    const rows = await alertsDb(services().db).selectFrom('report_alerts').select(['id', 'confirmed_at']).where('email', 'ilike', email).execute();
    assert.equal(rows.length, 1, 'still one alert');
    assert.ok(rows[0]?.confirmed_at, 'and it is still started');
    const [again] = await mailTo(services(), email.toUpperCase());
    assert.equal(again?.subject, 'You already get this email alert');
    assert.match(again?.body ?? '', new RegExp(`problems are reported in ${wardName} \\(`));
    assert.match(again?.body ?? '', /You already get these alerts/);
    assert.doesNotMatch(again?.body ?? '', /\/reports\/alerts\/confirm\//, 'nothing to confirm');
    const stop = await new TestClient(test.t.app).get(linkIn(again?.body, 'unsubscribe'));
    assert.equal(stop.statusCode, 200);
    assert.match(stop.body, /Stop this email alert/);

    // A different choice of kinds is a different alert.
    await signUp({ area: 'ward', ward: wardCode, categories: 'pothole', email });
    assert.equal((await rowsFor(email)).length, 2);
  });

  it('sends a waiting alert’s confirmation again with a new link, and the old link stops working', async () => {
    const email = 'twice.waiting@example.com';
    const client = await signUp({ area: 'near', lon: String(street.middle[0]), lat: String(street.middle[1]), radius: '500', email });
    const oldLink = linkIn((await mailTo(services(), email))[0]?.body, 'confirm');
    const [before] = await rowsFor(email);
    assert.ok(before);

    // A pin a few metres away is the same place.
    const nudged = east(street.middle, 5);
    await signUp({ area: 'near', lon: String(nudged[0]), lat: String(nudged[1]), radius: '500', email });
    const rows = await rowsFor(email);
    assert.equal(rows.length, 1, 'still one alert');
    assert.notEqual(rows[0]?.confirm_token_hash, before.confirm_token_hash);
    const sent = await mailTo(services(), email);
    assert.deepEqual(sent.map((m) => m.subject), ['Confirm your email alert', 'Confirm your email alert']);
    const newLink = linkIn(sent[1]?.body, 'confirm');
    assert.notEqual(newLink, oldLink);
    assert.doesNotMatch(JSON.stringify(rows[0]), new RegExp(newLink.split('/').pop() ?? 'none'), 'only the new token’s hash is kept');

    assert.equal((await client.get(oldLink)).statusCode, 404, 'the old link no longer works');
    await confirm(client, newLink);
    assert.ok((await rowsFor(email))[0]?.confirmed_at);

    // Further away, or another distance, is another alert.
    const elsewhere = east(street.middle, 300);
    await signUp({ area: 'near', lon: String(elsewhere[0]), lat: String(elsewhere[1]), radius: '500', email });
    await signUp({ area: 'near', lon: String(street.middle[0]), lat: String(street.middle[1]), radius: '1000', email });
    assert.equal((await rowsFor(email)).length, 3);
  });

  it('sends an address at most 10 sign-up emails a day however often the same alert is asked for', async () => {
    const email = 'flooded@example.com';
    const request = { email, area: { kind: 'ward' as const, wardCode }, categoryCodes: [], userId: null };
    const outcomes = [];
    for (let i = 0; i < 12; i++) outcomes.push((await reportAlerts(services(), test.core).request(request)).outcome);
    assert.deepEqual(outcomes, ['new', ...Array<string>(9).fill('resent'), 'limited', 'limited']);
    assert.equal((await mailTo(services(), email)).length, 10);
    assert.equal((await rowsFor(email)).length, 1);
  });

  it('lists a signed-in person’s started alerts on My Account, each with a link that stops it, and not those waiting', async () => {
    const { client, email } = await signedInResident(test.t);
    const dashboard = async () => {
      const page = await client.get('/account');
      assert.equal(page.statusCode, 200);
      const card = /<div class="govuk-summary-card" data-card="report-alerts">[\s\S]*?<\/div>\s*<\/div>\s*<\/div>/.exec(page.body)?.[0];
      assert.ok(card, 'the email alerts card');
      return card;
    };
    const empty = await dashboard();
    assert.match(visibleText(empty), /Email alerts about street reports/);
    assert.match(visibleText(empty), /You do not get any email alerts/);
    assert.match(empty, /href="\/reports\/alerts"/, 'a link to set one up');

    await signUp({ area: 'ward', ward: wardCode, email }, client);
    await confirm(client, linkIn((await mailTo(services(), email))[0]?.body, 'confirm'));
    // Made without signing in, for the account's address: still theirs. Not confirmed: not shown.
    await signUp({ area: 'near', lon: String(street.middle[0]), lat: String(street.middle[1]), radius: '250', categories: 'pothole', email: email.toUpperCase() });
    // Someone else's started alert is not shown.
    const other = 'someone.else@example.com';
    await signUp({ area: 'ward', ward: wardCode, email: other });
    await confirm(new TestClient(test.t.app), linkIn((await mailTo(services(), other))[0]?.body, 'confirm'));

    const card = await dashboard();
    const stops = [...card.matchAll(/<a class="govuk-link" href="(\/reports\/alerts\/unsubscribe\/[A-Za-z0-9_-]+)">([^<]+)<\/a>/g)];
    assert.deepEqual(stops.map((m) => m[2]), [`Stop alerts about all problems reported in ${wardName}`]);
    assert.doesNotMatch(card, /within 250 metres/, 'the alert waiting for its link is not listed');

    const stopLink = stops[0]?.[1] ?? '';
    assert.match((await client.get(stopLink)).body, /Stop this email alert/);
    assert.match((await client.post(stopLink, {})).body, /Your email alert has stopped/);
    assert.equal((await rowsFor(email)).length, 0, 'the started alert is gone');
    assert.match(visibleText(await dashboard()), /You do not get any email alerts/);
    assert.equal((await rowsFor(other)).length, 1, 'someone else’s alert is untouched');
  });
});
