import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { parseXml } from './schemas.ts';
import { createOpen311Platform, json, pointOnAStreet, type Open311Platform } from './support.ts';

/** The spec's error list, as JSON. */
function errors(body: unknown): { code: number; description: string }[] {
  assert.ok(Array.isArray(body), 'a list of errors');
  return body.map((e: unknown) => {
    assert.ok(typeof e === 'object' && e !== null && 'code' in e && 'description' in e && typeof e.code === 'number' && typeof e.description === 'string', JSON.stringify(e));
    return { code: e.code, description: e.description };
  });
}

function without(form: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter(([name]) => !names.includes(name)));
}

describe('Open311 POST requests refused', () => {
  let t: Open311Platform;
  let valid: Record<string, string>;
  let reportsBefore: number;

  const countReports = async () => Number((await sql<{ n: number }>`select count(*)::int as n from reports`.execute(t.platform.services.db)).rows[0]?.n);

  before(async () => {
    t = await createOpen311Platform();
    const place = await pointOnAStreet(t);
    valid = { api_key: t.key, service_code: 'streetlight', lat: place.lat, long: place.long, 'attribute[fault]': 'light_out', description: 'Not working' };
    reportsBefore = await countReports();
  });
  after(async () => t.close());

  it('answers a missing or wrong api_key with 403 and the spec’s error body', async () => {
    const missing = await t.post('/open311/v2/requests.xml', without(valid, 'api_key'));
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.headers['content-type'], 'text/xml; charset=utf-8');
    assert.deepEqual(parseXml(missing.body), { errors: { error: [{ code: '403', description: "api_key is missing -- send the key the council gave you to create_request" }] } });

    const wrong = await t.post('/open311/v2/requests.json', { ...valid, api_key: 'not-a-key' });
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(errors(json(wrong)), [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request" }]);
  });

  it('refuses a key as soon as it is revoked', async () => {
    const { key } = await t.clients.create({ name: 'Leaving contractor' });
    assert.equal((await t.post('/open311/v2/requests.json', { ...valid, api_key: key, 'attribute[fault]': 'bad' })).statusCode, 400, 'the key works');
    assert.equal(await t.clients.revoke('leaving contractor'), true);
    assert.equal((await t.post('/open311/v2/requests.json', { ...valid, api_key: key })).statusCode, 403);
  });

  it('holds a key made for a jurisdiction to it: 400 without jurisdiction_id, 404 with another', async () => {
    const { key } = await t.clients.create({ name: 'FixMyStreet', jurisdictionId: 'stockport.gov.uk' });
    const without = await t.post('/open311/v2/requests.json', { ...valid, api_key: key });
    assert.equal(without.statusCode, 400);
    assert.deepEqual(errors(json(without)), [{ code: 400, description: 'jurisdiction_id was not provided -- this api_key is for stockport.gov.uk' }]);
    const other = await t.post('/open311/v2/requests.json', { ...valid, api_key: key, jurisdiction_id: 'manchester.gov.uk' });
    assert.equal(other.statusCode, 404);
    assert.deepEqual(errors(json(other)), [{ code: 404, description: 'jurisdiction_id manchester.gov.uk was not found -- this api_key is for stockport.gov.uk' }]);
    const right = await t.post('/open311/v2/requests.json', { ...valid, api_key: key, jurisdiction_id: 'stockport.gov.uk' });
    assert.equal(right.statusCode, 200, right.body);
    reportsBefore += 1;
  });

  it('names an unknown service_code, and a missing one', async () => {
    const unknown = await t.post('/open311/v2/requests.json', { ...valid, service_code: 'graffiti' });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(errors(json(unknown)), [{ code: 400, description: 'service_code graffiti is not a service here: GET services lists them' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', without(valid, 'service_code')))), [{ code: 400, description: 'service_code was not provided' }]);
  });

  it('refuses coordinates out of range, a place outside the borough, and no place at all', async () => {
    const range = await t.post('/open311/v2/requests.json', { ...valid, lat: '95', long: 'west' });
    assert.equal(range.statusCode, 400);
    assert.deepEqual(errors(json(range)), [
      { code: 400, description: 'lat must be a number between -90 and 90 (WGS84)' },
      { code: 400, description: 'long must be a number between -180 and 180 (WGS84)' },
    ]);
    // Manchester city centre: a neighbouring council's problem.
    const outside = await t.post('/open311/v2/requests.json', { ...valid, lat: '53.4794', long: '-2.2453' });
    assert.equal(outside.statusCode, 400);
    assert.deepEqual(errors(json(outside)), [{ code: 400, description: 'lat 53.4794, long -2.2453 is outside Stockport: report it to the council for that area' }]);
    const nowhere = without(valid, 'lat', 'long');
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', nowhere))), [{ code: 400, description: 'Say where the problem is: send lat and long, address_string or address_id' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', { ...nowhere, address_id: '12' }))), [{ code: 400, description: 'address_id 12 is not a UPRN in Stockport' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', { ...nowhere, address_string: 'Nowhere Lane, Atlantis' }))), [
      { code: 400, description: 'address_string "Nowhere Lane, Atlantis" names no street or postcode we know in Stockport; send lat and long instead' },
    ]);
  });

  it('refuses a place on a road the council does not look after, saying whom to tell', async () => {
    const street = await t.platform.services.db.selectFrom('gazetteer_streets').select(['lon', 'lat']).where('responsibility', '=', 'private').orderBy('usrn').executeTakeFirstOrThrow();
    const res = await t.post('/open311/v2/requests.json', { ...valid, service_code: 'pothole', 'attribute[size]': 'small', 'attribute[depth]': 'deep', 'attribute[where]': 'road', lat: String(street.lat), long: String(street.lon) });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errors(json(res)), [{ code: 400, description: 'This road is not maintained by the council. It is a private road, so the people who own it are responsible for repairs.' }]);
  });

  it('checks attributes against the service definition, all at once', async () => {
    const res = await t.post('/open311/v2/requests.json', { ...valid, service_code: 'blocked_drain', 'attribute[problem]': 'purple', 'attribute[fault]': 'ignored' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errors(json(res)), [
      { code: 400, description: 'attribute[problem] "purple" is not an allowed value; it must be one of: blocked, smell, cover_missing' },
      { code: 400, description: 'attribute[flooding] is required: Is water flooding the road, the pavement or a property?' },
    ]);
    const twice = await t.post('/open311/v2/requests.json', { ...valid, 'attribute[fault]': ['light_out', 'flickering'] });
    assert.deepEqual(errors(json(twice)), [{ code: 400, description: 'attribute[fault] takes one value, not 2' }]);
    const asset = await t.post('/open311/v2/requests.json', { ...valid, 'attribute[asset_id]': 'SL-99999' });
    assert.deepEqual(errors(json(asset)), [{ code: 400, description: 'attribute[asset_id]: We could not find streetlight SL-99999. Check the number, or choose it on the map' }]);
  });

  it('refuses a description over 4,000 characters, and the pipeline’s own refusals come through by field', async () => {
    const long = await t.post('/open311/v2/requests.json', { ...valid, description: 'x'.repeat(4001) });
    assert.equal(long.statusCode, 400);
    assert.deepEqual(errors(json(long)), [{ code: 400, description: 'description must be 4,000 characters or less; it is 4,001' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', { ...valid, description: '' }))), [{ code: 400, description: 'description: Describe the problem' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', { ...valid, email: 'not an email' }))), [{ code: 400, description: 'email: Enter an email address in the correct format, like name@example.com' }]);
    assert.deepEqual(errors(json(await t.post('/open311/v2/requests.json', { ...valid, media_url: 'ftp://example.com/a.jpg' }))), [{ code: 400, description: 'media_url must be an http or https address' }]);
  });

  it('stored nothing for any refused request', async () => {
    assert.equal(await countReports(), reportsBefore);
  });

  it('limits each key to its requests a minute, answering 429 in the Open311 format', async () => {
    const { key } = await t.clients.create({ name: 'Small allowance', rateLimitPerMinute: 2 });
    // One allowance for the key across the server's routes, whatever they are.
    assert.equal((await t.get(`/open311/v2/services.json?api_key=${key}`)).statusCode, 200);
    assert.equal((await t.get(`/open311/v2/requests.json?api_key=${key}`)).statusCode, 200);
    const limited = await t.get(`/open311/v2/services.xml?api_key=${key}`);
    assert.equal(limited.statusCode, 429);
    assert.deepEqual(parseXml(limited.body), { errors: { error: [{ code: '429', description: 'Too many requests: 2 a minute are allowed with this api_key. Try again in 1 minute.' }] } });
    assert.equal(limited.headers['retry-after'], '60');
    assert.equal((await t.get(`/open311/v2/services.json?api_key=${t.key}`)).statusCode, 200, 'another key has its own allowance');
  });
});
