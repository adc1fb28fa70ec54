import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { assertMeetsSchema, parseXml } from './schemas.ts';
import { createOpen311Platform, json, pointOnAStreet, type Open311Platform } from './support.ts';

function record(value: unknown): Record<string, unknown> {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `an object: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

function array(value: unknown): unknown[] {
  assert.ok(Array.isArray(value), `a list: ${JSON.stringify(value)}`);
  return value;
}

/** The service requests of a GET requests answer in JSON, checked against the schema. */
function requestsOf(body: unknown): Record<string, unknown>[] {
  assertMeetsSchema('requests', body);
  return array(body).map(record);
}

describe('Open311 service requests', () => {
  let t: Open311Platform;
  let place: Awaited<ReturnType<typeof pointOnAStreet>>;
  let first: string;

  before(async () => {
    t = await createOpen311Platform();
    place = await pointOnAStreet(t);
  });
  after(async () => t.close());

  it('takes a report in XML through the pipeline web reports take, answering with its reference', async () => {
    const res = await t.post('/open311/v2/requests.xml', {
      api_key: t.key,
      jurisdiction_id: 'stockport.gov.uk',
      service_code: 'pothole',
      lat: place.lat,
      long: place.long,
      'attribute[size]': 'large',
      'attribute[depth]': 'deep',
      'attribute[where]': 'road',
      'attribute[report_url]': 'https://www.fixmystreet.com/report/1',
      description: 'A deep pothole by the bus stop',
      email: 'resident@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      phone: '07700 900982',
      media_url: 'https://www.fixmystreet.com/photo/1.jpeg',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    const request = record(array(record(parseXml(res.body).service_requests).request)[0]);
    first = String(request.service_request_id);
    assert.match(first, /^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.match(String(request.service_notice), /We aim to deal with it by \w+day \d{1,2} \w+ \d{4}\./);
    assert.equal(request.account_id, '', 'an empty <account_id/>');
    assert.equal(request.token, undefined, 'no token with a service_request_id');
  });

  it('stores it as the core stores a web report: ward, street, answers, channel, client, and the resident told', async () => {
    const db = t.platform.services.db;
    const row = await sql<{ channel: string; open311_client_id: string; ward_code: string | null; usrn: string | null; answers: Record<string, unknown>; reporter_name: string; reporter_email: string; show_name: boolean; priority: string; state: string }>`
      select channel, open311_client_id, ward_code, usrn, answers, reporter_name, reporter_email, show_name, priority, state from reports where reference = ${first}`.execute(db);
    const report = row.rows[0];
    assert.ok(report);
    assert.equal(report.channel, 'open311');
    assert.equal(report.open311_client_id, t.clientId);
    assert.ok(report.ward_code?.startsWith('E05'), `a ward: ${report.ward_code}`);
    assert.equal(String(report.usrn), place.usrn, 'placed on the street');
    assert.deepEqual(report.answers, { size: 'large', depth: 'deep', where: 'road', media_url: 'https://www.fixmystreet.com/photo/1.jpeg' }, 'attributes the service does not define are passed over');
    assert.equal(report.reporter_name, 'Ada Lovelace');
    assert.equal(report.show_name, false);
    assert.equal(report.priority, 'urgent', 'a large deep pothole is urgent, as on the web');
    assert.equal(report.state, 'open');
    const messages = await sql<{ recipient: string; reference: string }>`select recipient, reference from notify_messages where reference = ${first}`.execute(db);
    assert.deepEqual(
      messages.rows.map((m) => m.recipient),
      ['resident@example.com'],
      'the confirmation goes to the resident, by the email they gave',
    );
    const audit = await sql<{ details: Record<string, unknown> }>`select details from audit_log where action = 'reports.created' and subject_type = 'report'`.execute(db);
    assert.equal(audit.rows[0]?.details.open311Client, t.clientId);
  });

  it('shows it in GET requests, as open data: no name, email or phone', async () => {
    const res = await t.get('/open311/v2/requests.json');
    assert.equal(res.statusCode, 200);
    const found = requestsOf(json(res)).find((r) => r.service_request_id === first);
    assert.ok(found);
    assert.equal(found.status, 'open');
    assert.equal(found.service_code, 'pothole');
    assert.equal(found.service_name, 'Pothole');
    assert.equal(found.description, 'A deep pothole by the bus stop');
    assert.equal(found.status_notes, 'Thank you for your report. We will look at it and tell you what happens next.');
    assert.equal(found.agency_responsible, 'Stockport Council');
    assert.equal(found.media_url, 'https://www.fixmystreet.com/photo/1.jpeg');
    assert.match(String(found.address), new RegExp(`^${place.name}, `));
    assert.equal(typeof found.lat, 'number');
    assert.equal(typeof found.long, 'number');
    assert.match(String(found.requested_datetime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(found.expected_datetime, 'an open report says when it is due');
    for (const secret of ['Ada', 'Lovelace', 'resident@example.com', '07700']) assert.ok(!res.body.includes(secret), `${secret} is not published`);
  });

  it('gives one request by its id, in XML and in JSON', async () => {
    const one = await t.get(`/open311/v2/requests/${first}.json`);
    assert.equal(one.statusCode, 200);
    const [request] = requestsOf(json(one));
    assertMeetsSchema('request', request);
    assert.equal(request?.service_request_id, first);

    const typed = await t.get(`/open311/v2/requests/${first.toLowerCase().replace('-', '')}.xml`);
    assert.equal(typed.statusCode, 200, 'a reference as people type it is found too');
    const xml = record(array(record(parseXml(typed.body).service_requests).request)[0]);
    assert.equal(xml.service_request_id, first);
    assert.equal(xml.status, 'open');
    assert.equal(xml.zipcode, '', 'fields we do not have are empty elements');

    const missing = await t.get('/open311/v2/requests/ABCD-EFGH.xml');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<code>404<\/code><description>service_request_id ABCD-EFGH was not found<\/description>/);
  });

  it('answers a token with the request it names, since every request gets its id at once', async () => {
    const res = await t.get(`/open311/v2/tokens/${first}.json`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json(res), [{ service_request_id: first, token: first }]);
    assert.equal((await t.get('/open311/v2/tokens/nothing.xml')).statusCode, 404);
  });

  it('takes JSON, finds the place from address_id (a UPRN) or address_string, and mentions reports nearby', async () => {
    const address = await t.platform.services.db.selectFrom('gazetteer_addresses').select(['uprn', 'postcode', 'lon', 'lat']).orderBy('uprn').executeTakeFirstOrThrow();
    const byUprn = await t.post('/open311/v2/requests.json', { api_key: t.key, service_code: 'streetlight', address_id: String(address.uprn), 'attribute[fault]': 'light_out', description: 'Out all week' });
    assert.equal(byUprn.statusCode, 200, byUprn.body);
    const [made] = array(json(byUprn)).map(record);
    assert.ok(made && typeof made.service_request_id === 'string');
    assert.equal(made.account_id, null);

    const sameSpot = await t.post('/open311/v2/requests.json', { api_key: t.key, service_code: 'streetlight', lat: String(address.lat), long: String(address.lon), 'attribute[fault]': 'flickering', description: 'Flickers' });
    assert.equal(sameSpot.statusCode, 200, sameSpot.body);
    assert.match(String(record(array(json(sameSpot))[0]).service_notice), new RegExp(`Open reports of the same problem nearby: ${made.service_request_id}\\.`));

    const byPostcode = await t.post('/open311/v2/requests.json', { api_key: t.key, service_code: 'streetlight', address_string: `Outside the shop, ${address.postcode}`, 'attribute[fault]': 'on_in_daytime', description: 'On all day' });
    assert.equal(byPostcode.statusCode, 200, byPostcode.body);
    const stored = await sql<{ location_description: string }>`select location_description from reports where reference = ${String(record(array(json(byPostcode))[0]).service_request_id)}`.execute(t.platform.services.db);
    assert.equal(stored.rows[0]?.location_description, `Outside the shop, ${address.postcode}`);

    const byStreet = await t.post('/open311/v2/requests.json', { api_key: t.key, service_code: 'pothole', address_string: `12 ${place.name}, Stockport`, 'attribute[size]': 'small', 'attribute[depth]': 'shallow', 'attribute[where]': 'road', description: 'Small hole' });
    assert.equal(byStreet.statusCode, 200, byStreet.body);
  });

  it('filters by service_code, status and dates, and by service_request_id over everything else', async () => {
    const streetlights = requestsOf(json(await t.get('/open311/v2/requests.json?service_code=streetlight')));
    assert.equal(streetlights.length, 3);
    assert.ok(streetlights.every((r) => r.service_code === 'streetlight'));
    const both = requestsOf(json(await t.get('/open311/v2/requests.json?service_code=streetlight,pothole')));
    assert.equal(both.length, 5);
    assert.deepEqual(requestsOf(json(await t.get('/open311/v2/requests.json?status=closed'))), []);
    assert.equal(requestsOf(json(await t.get('/open311/v2/requests.json?status=open'))).length, 5);

    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    assert.deepEqual(requestsOf(json(await t.get(`/open311/v2/requests.json?start_date=${tomorrow}`))), []);
    const past = await t.get('/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z');
    assert.deepEqual(requestsOf(json(past)), []);

    const ids = requestsOf(json(await t.get(`/open311/v2/requests.json?service_request_id=${first},ABCD-EFGH&status=closed&service_code=streetlight`)));
    assert.deepEqual(
      ids.map((r) => r.service_request_id),
      [first],
      'service_request_id overrides the other filters',
    );
  });

  it('speaks mySociety extended statuses when asked, and leaves hidden reports out', async () => {
    const db = t.platform.services.db;
    await sql`update reports set state = 'fixed', fixed_at = now() where reference = ${first}`.execute(db);
    const fixed = requestsOf(json(await t.get('/open311/v2/requests.json?status=fixed')));
    assert.deepEqual(
      fixed.map((r) => [r.service_request_id, r.status]),
      [[first, 'closed']],
      'the standard status in the answer unless extended statuses are asked for',
    );
    assert.equal(fixed[0]?.expected_datetime, null, 'a closed report is not expected any more');
    const extended = array(json(await t.get('/open311/v2/requests.json?status=fixed&extended_statuses=true'))).map(record);
    assert.equal(extended[0]?.status, 'fixed');
    assert.equal(requestsOf(json(await t.get('/open311/v2/requests.json?status=closed'))).length, 1);

    await sql`update reports set hidden = true where reference = ${first}`.execute(db);
    assert.ok(!(await t.get('/open311/v2/requests.json')).body.includes(first));
    assert.equal((await t.get(`/open311/v2/requests/${first}.json`)).statusCode, 404);
    await sql`update reports set hidden = false where reference = ${first}`.execute(db);
  });

  it('refuses filters it cannot honour, saying which', async () => {
    const res = await t.get('/open311/v2/requests.json?status=lost&service_code=graffiti&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), [
      { code: 400, description: 'service_code graffiti is not a service here: GET services lists them' },
      { code: 400, description: 'status lost is not one of open, closed, investigating, action_scheduled, in_progress, fixed, not_councils_responsibility, duplicate, no_further_action, internal_referral' },
      { code: 400, description: 'start_date and end_date may not be more than 90 days apart' },
    ]);
    const badDate = await t.get('/open311/v2/requests.xml?start_date=yesterday');
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /<description>start_date must be a date and time with a time zone, like 2026-05-01T09:30:00Z<\/description>/);
  });
});
