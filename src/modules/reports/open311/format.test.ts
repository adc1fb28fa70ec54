import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { list, serialise, splitFormat } from './format.ts';

describe('Open311 answers as XML and JSON', () => {
  it('writes a list as a wrapper of items in XML and as an array in JSON', () => {
    const body = list('service', [{ service_code: 'pothole', groups: list('group', ['Roads']) }]);
    assert.equal(serialise('xml', 'services', body), '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>pothole</service_code><groups><group>Roads</group></groups></service></services>');
    assert.equal(serialise('json', 'services', body), '[{"service_code":"pothole","groups":["Roads"]}]');
  });

  it('writes empty lists, nulls and empty text as empty elements, and leaves undefined out', () => {
    const body = { service_code: 'x', attributes: list('attribute', []), account_id: null, note: '', automated: undefined };
    assert.equal(serialise('xml', 'service_definition', body), '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>x</service_code><attributes/><account_id/><note/></service_definition>');
    assert.equal(serialise('json', 'service_definition', body), '{"service_code":"x","attributes":[],"account_id":null,"note":""}');
  });

  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    const xml = serialise('xml', 'request', { description: 'Fish & chips <b>here</b>\u0007 "quoted"\nnext line' });
    assert.ok(xml.endsWith('<request><description>Fish &amp; chips &lt;b&gt;here&lt;/b&gt; "quoted"\nnext line</description></request>'), xml);
  });

  it('writes numbers and booleans as text', () => {
    assert.match(serialise('xml', 'r', { lat: 53.4, metadata: true }), /<lat>53\.4<\/lat><metadata>true<\/metadata>/);
  });

  it('reads the format from the suffix, and nothing else', () => {
    assert.deepEqual(splitFormat('streetlight.json'), { name: 'streetlight', format: 'json' });
    assert.deepEqual(splitFormat('K7QD-M2X9.xml'), { name: 'K7QD-M2X9', format: 'xml' });
    assert.equal(splitFormat('streetlight.html'), undefined);
    assert.equal(splitFormat('streetlight'), undefined);
    assert.equal(splitFormat('.json'), undefined);
  });
});
