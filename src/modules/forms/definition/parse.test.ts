import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { standardFieldTypes } from '../fields/index.ts';
import { parseDefinition } from './parse.ts';

const fields = standardFieldTypes();

function minimal(): Record<string, unknown> & { pages: Record<string, unknown>[] } {
  return {
    id: 'test-form',
    title: 'Test form',
    version: 1,
    start: { paragraphs: ['A form for tests.'] },
    pages: [
      { id: 'name', fields: [{ type: 'text', name: 'name', label: 'Full name' }] },
      { id: 'age', fields: [{ type: 'number', name: 'age', label: 'Age' }] },
    ],
    targets: [],
    retention: { submissionDays: 30 },
  };
}

function problems(json: unknown): string[] {
  const parsed = parseDefinition(json, fields);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('form definitions', () => {
  it('accept every form in the repository', () => {
    const folder = path.resolve(import.meta.dirname, '../../../../forms');
    const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 4);
    for (const file of files) assert.deepEqual(problems(JSON.parse(readFileSync(path.join(folder, file), 'utf8'))), [], file);
  });

  it('refuse an unknown field type with its JSON path and the types allowed', () => {
    const json = minimal();
    json.pages[1] = { id: 'age', fields: [{ type: 'dropdown', name: 'age', label: 'Age' }] };
    const [problem] = problems(json);
    assert.match(problem ?? '', /^pages\[1\]\.fields\[0\]\.type: must be one of text, textarea, number, email, phone, date, radios, checkboxes, select, yes-no, address/);
  });

  it('refuse misspelt properties, missing ones and bad values', () => {
    const json = minimal();
    json.titel = 'typo';
    json.version = 0;
    delete json.retention;
    json.pages[0] = { id: 'Name Page', fields: [{ type: 'text', name: 'name', label: 'Full name', requird: true }] };
    assert.deepEqual(problems(json), [
      'version: must be 1 or more',
      'pages[0].id: must be lower-case letters, digits and single hyphens, like "missed-bin"',
      'retention: is required',
      '(the definition): has an unknown property: titel',
    ]);
  });

  it('refuse references to pages and fields the form does not have', () => {
    const json = minimal();
    json.pages[0] = { ...json.pages[0], next: [{ when: { field: 'colour', equals: 'red' }, goTo: 'nowhere' }] };
    json.pages[1] = { id: 'age', showIf: { field: 'nmae', empty: false }, fields: [{ type: 'number', name: 'age', label: 'Age', requiredIf: { any: [{ field: 'ghost', equals: 1 }] } }] };
    json.contact = { email: 'email' };
    assert.deepEqual(problems(json), [
      'pages[0].next[0].when: refers to a field "colour" that the form does not have',
      'pages[0].next[0].goTo: refers to a page "nowhere" that the form does not have',
      'pages[1].showIf: refers to a field "nmae" that the form does not have',
      'pages[1].fields[0]: refers to a field "ghost" that the form does not have',
      'contact.email: refers to a field "email" that the form does not have',
    ]);
  });

  it('refuse branches back to an earlier page, which could loop', () => {
    const json = minimal();
    json.pages[1] = { ...json.pages[1], next: [{ goTo: 'name' }] };
    assert.deepEqual(problems(json), ['pages[1].next[0].goTo: must be a later page than "age", so a journey cannot go round in a loop']);
  });

  it('refuse pages the journey could not show', () => {
    const json = minimal();
    json.pages = [
      { id: 'two', fields: [{ type: 'text', name: 'a', label: 'A' }, { type: 'text', name: 'a', label: 'B' }] },
      { id: 'two', title: 'Done', end: true, fields: [{ type: 'text', name: 'c', label: 'C' }] },
      { id: 'check-answers', fields: [{ type: 'address', name: 'home', label: 'Home' }] },
    ];
    assert.deepEqual(problems(json), ['pages[2].id: must not be one of check-answers, confirmation, save, saved, resume, start']);
    json.pages[2] = { id: 'home', fields: [{ type: 'address', name: 'home', label: 'Home' }] };
    assert.deepEqual(problems(json), [
      'pages[1].id: "two" is the id of another page too',
      'pages[0].fields[1].name: "a" is the name of another field too',
      'pages[0].title: is required unless the page has exactly one question',
      'pages[1].fields: an end page shows an outcome, so it must not ask questions',
      'pages[2].title: is required on a page whose question is of type address',
    ]);
  });
});
