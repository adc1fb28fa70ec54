import assert from 'node:assert/strict';
import type { Address, Street } from '../../platform/geo/gazetteer.ts';
import type { Answers } from './contracts.ts';
import { jsonPath } from './definition/schema.ts';
import type { FieldDefinition } from './definition/types.ts';
import { standardFieldTypes } from './fields/index.ts';
import type { Asset, FieldContext, FieldLookups, FormField, Reading } from './fields/types.ts';

/** Test helpers for fields: a small gazetteer, one asset layer, and a fixed "today". */
export const TODAY = '2026-05-04';

const address = (uprn: string, line1: string, postcode: string, wardCode: string | null): Address => ({
  uprn,
  usrn: '7000001',
  lines: [line1, 'Heaton Mersey'],
  town: 'Stockport',
  postcode,
  lon: -2.2,
  lat: 53.41,
  wardCode,
  label: `${line1}, Heaton Mersey, Stockport, ${postcode}`,
});

export const ADDRESSES: Address[] = [address('100011001', '2 Mersey Road', 'SK4 3DA', 'E05000787'), address('100011002', '10 Mersey Road', 'SK4 3DA', 'E05000787'), address('200022001', '1 Piccadilly', 'M1 1AA', null)];

export const STREETS: Street[] = [
  { usrn: '7000001', name: 'Mersey Road', locality: 'Heaton Mersey', town: 'Stockport', wardCode: 'E05000787', responsibility: 'council', lon: -2.2, lat: 53.41 },
  { usrn: '7000002', name: 'Mersey Square', locality: null, town: 'Stockport', wardCode: 'E05000788', responsibility: 'council', lon: -2.159, lat: 53.409 },
];

export const STREETLIGHT: Asset = { id: 'SL123', layer: 'streetlights', description: 'Streetlight SL123 on Mersey Road', lon: -2.2001, lat: 53.4101, usrn: '7000001' };

export const lookups: FieldLookups = {
  gazetteer: {
    findByPostcode: async (postcode) => ADDRESSES.filter((a) => a.postcode.replace(' ', '') === postcode.toUpperCase().replace(/\s/g, '')),
    address: async (uprn) => ADDRESSES.find((a) => a.uprn === uprn) ?? null,
    searchStreets: async (query) => (query.trim().length < 2 ? [] : STREETS.filter((s) => s.name.toLowerCase().includes(query.trim().toLowerCase()))),
    street: async (usrn) => STREETS.find((s) => s.usrn === usrn) ?? null,
    postcodeInBorough: async (postcode) => ADDRESSES.some((a) => a.postcode === postcode.toUpperCase() && a.wardCode !== null),
  },
  assets: {
    layer: (name) => (name === 'streetlights' ? { name, assetName: 'streetlight', find: async (id) => (id === STREETLIGHT.id ? STREETLIGHT : null) } : undefined),
  },
};

export function context(answers: Answers = {}, today = TODAY): FieldContext {
  return { answers, today, lookups, areaName: 'Stockport' };
}

/** Makes a field from its definition, failing the test if the definition is refused. */
export function makeField(definition: FieldDefinition): FormField {
  const registry = standardFieldTypes();
  const type = registry.get(definition.type);
  assert.ok(type, `no field type ${definition.type}`);
  const made = type.create(definition, registry);
  if ('problems' in made) assert.fail(`definition refused: ${JSON.stringify(made.problems)}`);
  return made.field;
}

/** The problems a definition is refused with, as "path: message". */
export function refusals(definition: FieldDefinition): string[] {
  const registry = standardFieldTypes();
  const made = registry.get(definition.type)?.create(definition, registry);
  if (!made || !('problems' in made)) return [];
  return made.problems.map((p) => `${jsonPath('', p.path)}: ${p.message}`);
}

/** Reads a posted form and checks it as a page would: read problems first, else the field's rules. */
export async function submit(field: FormField, body: Record<string, unknown>, answers: Answers = {}): Promise<{ value: unknown; errors: string[]; reading: Reading }> {
  const reading = await field.read(body, context(answers));
  const errors = reading.errors.length || reading.stay ? reading.errors : await field.validate(reading.value, context({ ...answers, ...(field.name ? { [field.name]: reading.value } : {}) }));
  return { value: reading.value, errors: errors.map((e) => e.text), reading };
}
