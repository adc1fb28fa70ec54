import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TestClient, errorSummary } from '../../../support/client.ts';
import { reportAlerts } from '../../../../src/modules/reports/alerts/index.ts';
import { MOST_LISTED, SETTLE_MS } from '../../../../src/modules/reports/alerts/service.ts';
import { alertsDb } from '../../../../src/modules/reports/alerts/tables.ts';
import { reportsDb } from '../../../../src/modules/reports/tables.ts';
import { signedInResident } from '../../account/support.ts';
import { distanceMetres, potholeAt, streetOf, streetlightReport, type ReportsTest, type StreetPlace } from '../support.ts';
import { alertsBed, linkIn, mailTo } from './alerts-support.ts';

const DAY = 24 * 3600 * 1000;

describe('email alerts about new reports in a ward or near a place', () => {
  let test: ReportsTest;
  let street: StreetPlace;
  let wardCode: string;
  let wardName: string;
  before(async () => {
    ({ test, street, wardCode, wardName } = await alertsBed());
  });
  after(async () => test.close());

  const services = () => test.t.platform.services;
  const alerts = () => reportAlerts(services(), test.core);
  /** The job's run, as if it were a few minutes later, so the reports just made have settled. */
  const runJob = () => alerts().run(new Date(Date.now() + SETTLE_MS + 1000));
  const alertCount = async () => Number((await alertsDb(services().db).selectFrom('report_alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  async function signUp(form: Record<string, string | string[]>): Promise<{ client: TestClient; email: string }> {
    const client = new TestClient(test.t.app);
    const page = await client.get('/reports/alerts');
    assert.equal(page.statusCode, 200);
    const res = await client.post('/reports/alerts', form);
    assert.equal(res.statusCode, 303, errorSummary(res.body).join('; '));
    assert.equal(res.headers.location, '/reports/alerts/check-your-email');
    assert.match((await client.follow(res)).body, /Check your email/);
    return { client, email: String(form.email) };
  }

  async function confirmFromEmail(client: TestClient, email: string): Promise<void> {
    const [message] = await mailTo(services(), email);
    assert.ok(message);
    assert.equal(message.subject, 'Confirm your email alert');
    const link = linkIn(message.body, 'confirm');
    const page = await client.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Start your email alert/);
    const done = await client.post(link, {});
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Your email alert has started/);
  }

  it('confirms by email, then sends one email listing the new visible reports in the ward, and nothing twice', async () => {
    const { client, email } = await signUp({ area: 'ward', ward: wardCode, email: 'ward.watcher@example.com' });
    const stored = await alertsDb(services().db).selectFrom('report_alerts').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    assert.equal(stored.confirmed_at, null);
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(linkIn((await mailTo(services(), email))[0]?.body ?? '', 'confirm').split('/').pop() ?? 'none'), 'only the token’s hash is kept');

    // Not confirmed yet: a report in the ward sends nothing.
    await test.core.pipeline.submit(potholeAt(street.middle));
    await runJob();
    assert.equal((await mailTo(services(), email)).length, 1, 'only the confirmation email');

    await confirmFromEmail(client, email);
    const seen = await test.core.pipeline.submit(potholeAt(street.middle, { reporter: { name: 'Reporting Person', email: 'reporter.private@example.com', phone: '07700 900456', showName: false } }));
    const moderated = await test.core.pipeline.submit(potholeAt(street.middle));
    await reportsDb(services().db).updateTable('reports').set({ hidden: true }).where('id', '=', moderated.id).execute();
    assert.equal((await test.core.records.find(seen.id))?.wardCode, wardCode);

    const first = await runJob();
    assert.equal(first.emails, 1);
    const sent = (await mailTo(services(), email)).slice(1);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.subject, `1 new problem reported in ${wardName}`);
    const body = sent[0]?.body ?? '';
    assert.match(body, new RegExp(`Pothole on ${street.name}, reported`));
    assert.ok(body.includes(`${test.t.config.baseUrl}/reports/${seen.reference}`));
    assert.equal(body.includes(moderated.reference), false, 'a hidden report is never sent');
    for (const secret of ['Reporting Person', 'reporter.private@example.com', '07700 900456', 'A deep pothole']) assert.equal(body.includes(secret), false, `${secret} is not in the email`);
    linkIn(body, 'unsubscribe');

    const second = await runJob();
    assert.equal(second.emails, 0);
    assert.equal((await mailTo(services(), email)).length, 2, 'a second run sends nothing');

    // The confirmation link opened again says so, and does not start the alert over.
    const again = await client.get(linkIn((await mailTo(services(), email))[0]?.body ?? '', 'confirm'));
    assert.match(again.body, /Your email alert has started/);
    assert.doesNotMatch(again.body, /Start alert/);
    assert.equal((await runJob()).emails, 0);
  });

  it('sends reports within the distance of a place and of the kinds chosen, and no others', async () => {
    const { client, email } = await signUp({ area: 'near', lon: String(street.middle[0]), lat: String(street.middle[1]), radius: '250', categories: ['pothole'], email: 'near.watcher@example.com' });
    await confirmFromEmail(client, email);
    const far = await farStreet(street, 600);
    const light = await nearestStreetlight(street.middle);
    assert.ok(distanceMetres(street.middle, [light.lon, light.lat]) < 250, 'a streetlight inside the circle');

    const inside = await test.core.pipeline.submit(potholeAt(street.middle));
    const outside = await test.core.pipeline.submit(potholeAt(far.middle));
    const otherKind = await test.core.pipeline.submit(streetlightReport(light));
    await runJob();
    const sent = (await mailTo(services(), email)).slice(1);
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.subject ?? '', /^1 new problem reported within 250 metres of the place you chose on the map \(Pothole\)$/);
    assert.ok(sent[0]?.body.includes(inside.reference));
    assert.equal(sent[0]?.body.includes(outside.reference), false, 'outside the circle');
    assert.equal(sent[0]?.body.includes(otherKind.reference), false, 'a kind not chosen');
  });

  it('lists the first reports and counts the rest', async () => {
    const { client, email } = await signUp({ area: 'ward', ward: wardCode, categories: 'pothole', email: 'busy.ward@example.com' });
    await confirmFromEmail(client, email);
    const made = [];
    for (let i = 0; i < MOST_LISTED + 2; i++) made.push(await test.core.pipeline.submit(potholeAt(street.middle)));
    await runJob();
    const [sent] = (await mailTo(services(), email)).slice(1);
    assert.equal(sent?.subject, `${MOST_LISTED + 2} new problems reported in ${wardName} (Pothole)`);
    assert.equal((sent?.body.match(/\/reports\/[2-9A-Z]{4}-[2-9A-Z]{4}/g) ?? []).length, MOST_LISTED);
    assert.ok(sent?.body.includes(made[0]?.reference ?? 'none'), 'oldest first');
    assert.match(sent?.body ?? '', new RegExp(`…and 2 more: ${test.t.config.baseUrl}/reports\\?ward=${wardCode}`));
  });

  it('stops the alert from the link in its email, and the link keeps saying so', async () => {
    const { client, email } = await signUp({ area: 'ward', ward: wardCode, email: 'leaving@example.com' });
    await confirmFromEmail(client, email);
    await test.core.pipeline.submit(potholeAt(street.middle));
    await runJob();
    const link = linkIn((await mailTo(services(), email))[1]?.body ?? '', 'unsubscribe');

    const reader = new TestClient(test.t.app);
    const page = await reader.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stop this email alert/);
    assert.match(page.body, new RegExp(`reported in ${wardName}`));
    const csrf = reader.csrfToken() ?? '';
    const stopped = await reader.post(link, {});
    assert.match(stopped.body, /Your email alert has stopped/);
    assert.equal(await alertsDb(services().db).selectFrom('report_alerts').select('id').where('email', '=', email).executeTakeFirst(), undefined, 'deleted with its address');
    const twice = await reader.post(link, { _csrf: csrf });
    assert.equal(twice.statusCode, 200);
    assert.match(twice.body, /Your email alert has stopped/);
    assert.match((await reader.get(link)).body, /Your email alert has stopped/);

    await test.core.pipeline.submit(potholeAt(street.middle));
    await runJob();
    assert.equal((await mailTo(services(), email)).length, 2, 'nothing after stopping');
    assert.equal((await reader.post('/reports/alerts/unsubscribe/not-a-token', { _csrf: csrf })).statusCode, 404);
  });

  it('refuses incomplete or wrong sign-ups with the error summary, and stores and sends nothing', async () => {
    const before = await alertCount();
    const messages = (await services().notify.recent(500)).length;
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['Select where you want alerts about', 'Enter your email address']],
      [{ area: 'ward', ward: '', email: 'someone@example.com' }, ['Select a ward']],
      [{ area: 'ward', ward: 'E05999999', email: 'someone@example.com' }, ['Select a ward']],
      [{ area: 'near', search: 'ZZ99 9ZZ', radius: '500', email: 'someone@example.com' }, ['No streets or postcodes match “ZZ99 9ZZ”. Check the spelling, or try a nearby street']],
      [{ area: 'near', search: '', radius: '500', email: 'someone@example.com' }, ['Enter a street or postcode']],
      [{ area: 'near', lon: String(street.middle[0]), lat: String(street.middle[1]), radius: '3', email: 'someone@example.com' }, ['Select how far from the place']],
      [{ area: 'ward', ward: wardCode, email: 'not-an-email' }, ['Enter an email address in the correct format, like name@example.com']],
    ];
    for (const [form, expected] of cases) {
      const client = new TestClient(test.t.app);
      await client.get('/reports/alerts');
      const res = await client.post('/reports/alerts', form);
      assert.equal(res.statusCode, 400, JSON.stringify(form));
      assert.deepEqual(errorSummary(res.body), expected);
      assert.match(res.body, /govuk-error-message/);
    }
    assert.equal(await alertCount(), before);
    assert.equal((await services().notify.recent(500)).length, messages);
  });

  it('finds a place by postcode, and asks which street when several match', async () => {
    const address = await services().db.selectFrom('gazetteer_addresses').select(['postcode']).orderBy('uprn').executeTakeFirstOrThrow();
    await signUp({ area: 'near', search: address.postcode.toLowerCase().replace(' ', ''), radius: '1000', email: 'postcode.watcher@example.com' });
    const row = await alertsDb(services().db).selectFrom('report_alerts').selectAll().where('email', '=', 'postcode.watcher@example.com').executeTakeFirstOrThrow();
    assert.equal(row.place_label, address.postcode);
    assert.equal(row.radius_metres, 1000);

    const common = await services().db.selectFrom('gazetteer_streets').select(sql<string>`split_part(name, ' ', 2)`.as('word')).groupBy(sql`split_part(name, ' ', 2)`).having(sql`count(*)`, '>', 1).orderBy(sql`count(*)`, 'desc').executeTakeFirstOrThrow();
    const client = new TestClient(test.t.app);
    await client.get('/reports/alerts');
    const many = await client.post('/reports/alerts', { area: 'near', search: common.word, radius: '500', email: 'choosy@example.com' });
    assert.equal(many.statusCode, 400);
    assert.deepEqual(errorSummary(many.body), ['Select the street you mean']);
    const choice = /name="place" type="radio" value="(street:\d+)"/.exec(many.body)?.[1];
    assert.ok(choice, 'the matching streets to choose from');
    const chosen = await client.post('/reports/alerts', { area: 'near', search: common.word, place: choice, radius: '500', email: 'choosy@example.com' });
    assert.equal(chosen.statusCode, 303);
  });

  it('puts a signed-in person’s alerts in "download my data", and deletes them with the account', async () => {
    const { client, userId, email } = await signedInResident(test.t);
    const form = await client.get('/reports/alerts');
    assert.match(form.body, new RegExp(`value="${email}"`), 'the account’s address filled in');
    await client.post('/reports/alerts', { area: 'ward', ward: wardCode, email });
    const data = JSON.parse((await client.get('/account/download')).body);
    assert.deepEqual(data['report-alerts'].emailAlerts.map((a: { about: string; email: string }) => [a.about, a.email]), [[`in ${wardName}`, email]]);
    const provider = services().personalData.data.find((p) => p.id === 'report-alerts');
    assert.ok(provider);
    await services().db.transaction().execute((trx) => provider.erase(userId, trx));
    assert.equal(await alertsDb(services().db).selectFrom('report_alerts').select('id').where('email', '=', email).executeTakeFirst(), undefined);
  });

  it('deletes alerts never confirmed after 7 days, when their link stops working', async () => {
    const { client, email } = await signUp({ area: 'ward', ward: wardCode, email: 'forgetful@example.com' });
    const link = linkIn((await mailTo(services(), email))[0]?.body ?? '', 'confirm');
    await alertsDb(services().db).updateTable('report_alerts').set({ created_at: new Date(Date.now() - 8 * DAY) }).where('email', '=', email).execute();
    await client.get(link);
    assert.equal((await client.get(link)).statusCode, 404);
    const run = await alerts().run();
    assert.ok(run.expired >= 1);
    assert.equal(await alertsDb(services().db).selectFrom('report_alerts').select('id').where('email', '=', email).executeTakeFirst(), undefined);
  });

  /** A council street whose middle is at least `metres` from the given street's. */
  async function farStreet(from: StreetPlace, metres: number): Promise<StreetPlace> {
    for (let n = 0; n < 40; n++) {
      const other = await streetOf(test, 'council', n);
      if (distanceMetres(other.middle, from.middle) > metres) return other;
    }
    throw new Error('no street far enough away');
  }

  async function nearestStreetlight(point: [number, number]) {
    const lights = await reportsDb(services().db).selectFrom('street_assets').selectAll().where('layer', '=', 'streetlights').where('status', '=', 'ok').execute();
    const nearest = lights.sort((a, b) => distanceMetres(point, [a.lon, a.lat]) - distanceMetres(point, [b.lon, b.lat]))[0];
    assert.ok(nearest);
    return nearest;
  }
});
