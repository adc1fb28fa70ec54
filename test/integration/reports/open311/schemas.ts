import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

const schemaDir = path.resolve(import.meta.dirname, '../../../../src/modules/reports/open311/schemas');

function load(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), `${file} is a JSON Schema object`);
  return Object.fromEntries(Object.entries(parsed));
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
// The list schemas refer to their items by file name.
ajv.addSchema(load('service.json'), 'service.json');
ajv.addSchema(load('request.json'), 'request.json');

const validators: Record<string, ValidateFunction> = {
  services: ajv.compile(load('services.json')),
  'service-definition': ajv.compile(load('service-definition.json')),
  requests: ajv.compile(load('requests.json')),
  request: ajv.compile(load('request.json')),
};

export type SchemaName = 'services' | 'service-definition' | 'requests' | 'request';

/** Fails with ajv's own account of what is wrong when `data` does not meet the GeoReport v2 schema. */
export function assertMeetsSchema(name: SchemaName, data: unknown): void {
  const validate = validators[name];
  assert.ok(validate, `no schema called ${name}`);
  assert.ok(validate(data), `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 600)}`);
}

// Element text stays text (service codes such as "001" must not become numbers).
// Repeated elements are lists even when there is one; a service's own <group> is not, its <groups><group> are.
const lists = ['service', 'attribute', 'value', 'request', 'error', 'request_update', 'endpoint', 'format'];
const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name, path) => lists.includes(name) || String(path).endsWith('groups.group'),
});

export function parseXml(xml: string): Record<string, unknown> {
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>/, 'starts with the XML declaration');
  const parsed: unknown = parser.parse(xml, true);
  assert.ok(typeof parsed === 'object' && parsed !== null, 'well-formed XML');
  return Object.fromEntries(Object.entries(parsed));
}
