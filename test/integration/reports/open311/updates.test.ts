import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reports } from '../../../../src/modules/reports/index.ts';
import { parseXml } from './schemas.ts';
import { createOpen311Platform, json, pointOnAStreet, type Open311Platform } from './support.ts';

function record(value: unknown): Record<string, unknown> {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `an object: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

function array(value: unknown): unknown[] {
  assert.ok(Array.isArray(value), `a list: ${JSON.stringify(value)}`);
  return value;
}

describe('Open311 service request updates (mySociety)', () => {
  let t: Open311Platform;
  let reference: string;
  let reportId: string;
  /** Our id for the update the test client sent as CONTRACTOR-7732. */
  let repeatedUpdateId: string;
  const since = new Date(Date.now() - 60_000).toISOString();

  const counts = async () => {
    const row = await sql<{ updates: number; messages: number }>`
      select (select count(*)::int from report_updates where report_id = ${reportId}) as updates,
             (select count(*)::int from notify_messages where reference = ${reference}) as messages`.execute(t.platform.services.db);
    return row.rows[0];
  };

  before(async () => {
    t = await createOpen311Platform();
    const place = await pointOnAStreet(t);
    const made = await t.post('/open311/v2/requests.json', { api_key: t.key, service_code: 'streetlight', lat: place.lat, long: place.long, 'attribute[fault]': 'light_out', description: 'Dark all night', email: 'neighbour@example.com' });
    assert.equal(made.statusCode, 200, made.body);
    reference = String(record(array(json(made))[0]).service_request_id);
    const report = await reports(t.platform.services).records.findByReference(reference);
    assert.ok(report);
    reportId = report.id;
  });
  after(async () => t.close());

  it('lists staff changes with mySociety’s extended status, leaving out the report’s arrival', async () => {
    const applied = await reports(t.platform.services).updates.apply({ reportId, from: 'open', to: 'investigating', actor: { kind: 'staff', id: null } });
    assert.equal(applied.outcome, 'applied');
    const res = await t.get(`/open311/v2/servicerequestupdates.json?start_date=${since}`);
    assert.equal(res.statusCode, 200);
    const [update, ...more] = array(json(res)).map(record);
    assert.deepEqual(more, []);
    assert.ok(update);
    assert.equal(update.service_request_id, reference);
    assert.equal(update.status, 'investigating');
    assert.equal(update.description, 'An electrician will check the light and its power supply.');
    assert.equal(update.media_url, '');
    assert.match(String(update.update_id), /^[0-9a-f-]{36}$/);
    assert.match(String(update.updated_datetime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('applies a contractor’s update through the core: state, public text, and the resident told', async () => {
    const before = await counts();
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const res = await t.post('/open311/v2/servicerequestupdates.xml', {
      api_key: t.key,
      jurisdiction_id: 'stockport.gov.uk',
      service_request_id: reference,
      update_id: 'CONTRACTOR-7731',
      status: 'FIXED',
      description: 'Lamp replaced',
      updated_datetime: at.toISOString().replace('.000Z', '+00:00'),
      first_name: 'Sam',
      last_name: 'Sparks',
      email: 'sam@contractor.example',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    const answered = record(array(record(parseXml(res.body).service_request_updates).request_update)[0]);
    const updateId = String(answered.update_id);
    assert.match(updateId, /^[0-9a-f-]{36}$/);

    const report = await reports(t.platform.services).records.findByReference(reference);
    assert.equal(report?.state, 'fixed');
    const row = await sql<{ author_kind: string; author_id: string; text: string; to_state: string; created_at: Date }>`select author_kind, author_id, text, to_state, created_at from report_updates where id = ${updateId}`.execute(t.platform.services.db);
    assert.deepEqual(row.rows[0], { author_kind: 'open311', author_id: t.clientId, text: 'Lamp replaced', to_state: 'fixed', created_at: at });
    const after = await counts();
    assert.equal(after?.updates, (before?.updates ?? 0) + 1);
    assert.equal(after?.messages, (before?.messages ?? 0) + 1, 'the resident is told');

    const listed = array(json(await t.get(`/open311/v2/servicerequestupdates.json?start_date=${since}`))).map(record);
    const mine = listed.find((u) => u.update_id === updateId);
    assert.equal(mine?.status, 'fixed', 'the client finds its own update by the id it was given');
    assert.equal(mine?.updated_datetime, at.toISOString().replace('.000Z', 'Z'));
  });

  it('applies an update once: sent again with the same update_id, it answers the same and changes nothing', async () => {
    const first = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference, update_id: 'CONTRACTOR-7732', status: 'FIXED', description: 'Checked again at night: working', updated_datetime: new Date().toISOString() });
    assert.equal(first.statusCode, 200, first.body);
    repeatedUpdateId = String(record(array(json(first))[0]).update_id);
    const before = await counts();
    for (let i = 0; i < 3; i++) {
      const again = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference, update_id: 'CONTRACTOR-7732', status: 'FIXED', description: 'Checked again at night: working', updated_datetime: new Date().toISOString() });
      assert.equal(again.statusCode, 200);
      assert.deepEqual(json(again), json(first));
    }
    assert.deepEqual(await counts(), before, 'no second update, no second message');
  });

  it('keeps one client’s update_id apart from another’s', async () => {
    const { key } = await t.clients.create({ name: 'Second contractor' });
    const other = await t.post('/open311/v2/servicerequestupdates.json', { api_key: key, service_request_id: reference, update_id: 'CONTRACTOR-7732', status: 'FIXED', description: 'Our own visit', updated_datetime: new Date().toISOString() });
    assert.equal(other.statusCode, 200, other.body);
    const theirs = String(record(array(json(other))[0]).update_id);
    assert.notEqual(theirs, repeatedUpdateId, 'a new update, not the first client’s');
    const row = await sql<{ text: string; author_id: string }>`select text, author_id from report_updates where id = ${theirs}`.execute(t.platform.services.db);
    assert.equal(row.rows[0]?.text, 'Our own visit');
    assert.notEqual(row.rows[0]?.author_id, t.clientId);
  });

  it('refuses what the state rules refuse, and what it cannot read, in the Open311 format', async () => {
    const close = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference, update_id: 'C-1', status: 'NOT_COUNCILS_RESPONSIBILITY', description: 'Not ours', updated_datetime: new Date().toISOString() });
    assert.equal(close.statusCode, 400);
    assert.deepEqual(json(close), [{ code: 400, description: 'The report is fixed: only staff can close it' }]);

    const unknownStatus = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference, update_id: 'C-2', status: 'ABANDONED', description: '', updated_datetime: new Date().toISOString() });
    assert.equal(unknownStatus.statusCode, 400);
    assert.match(String(record(array(json(unknownStatus))[0]).description), /^status ABANDONED is not one this server knows; send one of OPEN, INVESTIGATING, .*CLOSED, REOPEN, PLANNED$/);

    const missing = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference });
    assert.deepEqual(json(missing), [
      { code: 400, description: 'update_id was not provided' },
      { code: 400, description: 'status was not provided' },
      { code: 400, description: 'updated_datetime was not provided' },
    ]);

    const nowhere = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: 'ABCD-EFGH', update_id: 'C-3', status: 'FIXED', description: '', updated_datetime: new Date().toISOString() });
    assert.equal(nowhere.statusCode, 404);
    assert.deepEqual(json(nowhere), [{ code: 404, description: 'service_request_id ABCD-EFGH was not found' }]);

    const noKey = await t.post('/open311/v2/servicerequestupdates.xml', { service_request_id: reference, update_id: 'C-4', status: 'FIXED', updated_datetime: new Date().toISOString() });
    assert.equal(noKey.statusCode, 403);
    assert.match(noKey.body, /<code>403<\/code><description>api_key is missing -- send the key the council gave you to update_request<\/description>/);
  });

  it('reopens a fixed report when a contractor says the repair did not hold', async () => {
    const res = await t.post('/open311/v2/servicerequestupdates.json', { api_key: t.key, service_request_id: reference, update_id: 'C-5', status: 'REOPEN', description: 'Out again', updated_datetime: new Date().toISOString() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await reports(t.platform.services).records.findByReference(reference))?.state, 'open');
  });

  it('writes the update list in XML with its wrapper, empty when there is nothing', async () => {
    const empty = await t.get('/open311/v2/servicerequestupdates.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<service_request_updates\/>$/);
    const full = parseXml((await t.get(`/open311/v2/servicerequestupdates.xml?start_date=${since}`)).body);
    const updates = array(record(full.service_request_updates).request_update).map(record);
    assert.ok(updates.length >= 4);
    assert.deepEqual(Object.keys(updates[0] ?? {}), ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url']);
  });
});
