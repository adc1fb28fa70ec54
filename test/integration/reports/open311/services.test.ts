import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertMeetsSchema, parseXml } from './schemas.ts';
import { createOpen311Platform, json, type Open311Platform } from './support.ts';

function record(value: unknown): Record<string, unknown> {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `an object: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}

function array(value: unknown): unknown[] {
  assert.ok(Array.isArray(value), `a list: ${JSON.stringify(value)}`);
  return value;
}

describe('Open311 services and service definitions', () => {
  let t: Open311Platform;
  before(async () => {
    t = await createOpen311Platform();
  });
  after(async () => t.close());

  it('publishes a discovery document naming the endpoint and both formats', async () => {
    const xml = await t.get('/open311/v2/discovery.xml');
    assert.equal(xml.statusCode, 200);
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const endpoint = record(array(record(record(parseXml(xml.body).discovery).endpoints).endpoint)[0]);
    assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.match(String(endpoint.url), /\/open311\/v2$/);
    assert.deepEqual(record(endpoint.formats).format, ['text/xml', 'application/json']);

    const body = record(json(await t.get('/open311/v2/discovery.json')));
    assert.deepEqual(record(array(body.endpoints)[0]).formats, ['text/xml', 'application/json']);
  });

  it('lists the categories as services, in JSON that meets the GeoReport v2 schema', async () => {
    const res = await t.get('/open311/v2/services.json?jurisdiction_id=stockport.gov.uk');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    const services = json(res);
    assertMeetsSchema('services', services);
    const streetlight = array(services).map(record).find((s) => s.service_code === 'streetlight');
    assert.deepEqual(streetlight, {
      service_code: 'streetlight',
      service_name: 'Streetlight fault',
      description: 'A streetlight that is not working, is on during the day, flickers, or is damaged',
      metadata: true,
      type: 'realtime',
      keywords: 'street lighting,streetlight',
      group: 'Street lighting',
      groups: ['Street lighting'],
    });
    assert.deepEqual(
      array(services).map((s) => record(s).service_code),
      ['streetlight', 'blocked_drain', 'pothole'],
    );
  });

  it('lists services in XML, each with the groups wrapper mySociety clients read', async () => {
    const res = await t.get('/open311/v2/services.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    const services = array(record(parseXml(res.body).services).service).map(record);
    assert.equal(services.length, 3);
    const pothole = services.find((s) => s.service_code === 'pothole');
    assert.ok(pothole);
    assert.equal(pothole.metadata, 'true');
    assert.equal(pothole.type, 'realtime');
    assert.equal(pothole.group, 'Roads and pavements');
    assert.deepEqual(record(pothole.groups).group, ['Roads and pavements']);
  });

  it('defines a service by its questions, with the asset as a hidden attribute the client fills in', async () => {
    const res = await t.get('/open311/v2/services/streetlight.json');
    assert.equal(res.statusCode, 200);
    const definition = record(json(res));
    assertMeetsSchema('service-definition', definition);
    assert.equal(definition.service_code, 'streetlight');
    const [fault, asset] = array(definition.attributes).map(record);
    assert.deepEqual(fault, {
      variable: true,
      code: 'fault',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'One of the keys listed',
      order: 1,
      description: 'What is wrong with the light?',
      values: [
        { key: 'light_out', name: 'It is not working' },
        { key: 'on_in_daytime', name: 'It is on during the day' },
        { key: 'flickering', name: 'It flickers or keeps going off' },
        { key: 'damaged', name: 'It is damaged, leaning, or has wires showing' },
      ],
    });
    assert.equal(asset?.code, 'asset_id');
    assert.equal(asset?.datatype, 'string');
    assert.equal(asset?.required, false);
    assert.equal(asset?.automated, 'hidden_field');
    assert.equal(asset?.order, 2);
    assert.deepEqual(asset?.values, []);
  });

  it('writes every wrapper element in XML, empty ones included', async () => {
    const res = await t.get('/open311/v2/services/streetlight.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<values\/>/, 'the asset attribute has an empty <values/>');
    const definition = record(parseXml(res.body).service_definition);
    const attributes = array(record(definition.attributes).attribute).map(record);
    assert.deepEqual(
      attributes.map((a) => [a.code, a.datatype, a.required, a.order, a.automated]),
      [
        ['fault', 'singlevaluelist', 'true', '1', undefined],
        ['asset_id', 'string', 'false', '2', 'hidden_field'],
      ],
    );
    assert.deepEqual(
      array(record(attributes[0]?.values).value).map((v) => record(v).key),
      ['light_out', 'on_in_daytime', 'flickering', 'damaged'],
    );
    assert.equal(attributes[1]?.values, '', '<values/> parses as empty');
  });

  it('answers 404 in the Open311 error format for an unknown service, in the format asked for', async () => {
    const xml = await t.get('/open311/v2/services/graffiti.xml');
    assert.equal(xml.statusCode, 404);
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const error = record(array(record(parseXml(xml.body).errors).error)[0]);
    assert.equal(error.code, '404');
    assert.equal(error.description, 'service_code graffiti was not found');

    const body = await t.get('/open311/v2/services/graffiti.json');
    assert.equal(body.statusCode, 404);
    assert.deepEqual(json(body), [{ code: 404, description: 'service_code graffiti was not found' }]);
  });

  it('answers 404 in the Open311 format for a format or a resource it does not have', async () => {
    const html = await t.get('/open311/v2/services/streetlight.html');
    assert.equal(html.statusCode, 404);
    assert.match(html.body, /<description>streetlight\.html is not here: add \.xml or \.json to the address<\/description>/);

    const missing = await t.get('/open311/v2/widgets.json');
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(json(missing), [{ code: 404, description: 'GET /open311/v2/widgets.json is not part of this Open311 server: see discovery.xml' }]);
  });
});
