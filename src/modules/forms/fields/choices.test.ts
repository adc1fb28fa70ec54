import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, refusals, submit } from '../testing.ts';

const options = [
  { value: 'general', text: 'Black bin' },
  { value: 'paper', text: 'Blue bin' },
  { value: 'garden', text: 'Green bin' },
];

describe('radios field', () => {
  const bin = makeField({ type: 'radios', name: 'bin', label: 'Which bin?', shortName: 'which bin was missed', options });

  it('stores the value chosen and shows its text', async () => {
    assert.equal((await submit(bin, { bin: 'paper' })).value, 'paper');
    assert.deepEqual(bin.summary('paper'), ['Blue bin']);
  });

  it('treats a value that is not an option as no choice', async () => {
    assert.deepEqual((await submit(bin, { bin: 'purple' })).errors, ['Select which bin was missed']);
    assert.deepEqual((await submit(bin, {})).errors, ['Select which bin was missed']);
  });

  it('renders GOV.UK radios in a fieldset whose legend can be the heading', () => {
    const view = bin.view('paper', [], { asHeading: true });
    assert.equal(view.template, 'forms/fields/radios.njk');
    assert.deepEqual(view.params.fieldset, { legend: { text: 'Which bin?', classes: 'govuk-fieldset__legend--l', isPageHeading: true } });
    assert.deepEqual((view.params.items as { checked: boolean }[]).map((i) => i.checked), [false, true, false]);
  });

  it('refuses options with the same value', () => {
    assert.deepEqual(refusals({ type: 'radios', name: 'a', label: 'A', options: [options[0], options[0]] }), ['options: must have a different value for each option']);
  });
});

describe('checkboxes field', () => {
  const bins = makeField({ type: 'checkboxes', name: 'bins', label: 'Which bins?', shortName: 'which bins were missed', options });

  it('keeps the options ticked, in the options’ order, dropping anything else', async () => {
    assert.deepEqual((await submit(bins, { bins: ['garden', 'nonsense', 'general'] })).value, ['general', 'garden']);
    assert.deepEqual((await submit(bins, { bins: 'paper' })).value, ['paper']);
    assert.deepEqual(bins.summary(['general', 'garden']), ['Black bin', 'Green bin']);
  });

  it('asks for at least one', async () => {
    assert.deepEqual((await submit(bins, {})).errors, ['Select which bins were missed']);
    assert.deepEqual((await submit(bins, { bins: ['nonsense'] })).errors, ['Select which bins were missed']);
  });
});

describe('select field', () => {
  const bin = makeField({ type: 'select', name: 'bin', label: 'Bin', shortName: 'a bin', options });

  it('starts with an empty choice and stores only an option', async () => {
    const items = bin.view(undefined, [], { asHeading: false }).params.items as { value: string }[];
    assert.deepEqual(items.map((i) => i.value), ['', 'general', 'paper', 'garden']);
    assert.equal((await submit(bin, { bin: 'garden' })).value, 'garden');
    assert.deepEqual((await submit(bin, { bin: '' })).errors, ['Select a bin']);
    assert.deepEqual((await submit(bin, { bin: 'other' })).errors, ['Select a bin']);
  });
});

describe('yes/no field', () => {
  const out = makeField({ type: 'yes-no', name: 'out', label: 'Was the bin out by 7am?', messages: { required: 'Select yes if the bin was out by 7am' } });

  it('stores true or false', async () => {
    assert.equal((await submit(out, { out: 'yes' })).value, true);
    assert.equal((await submit(out, { out: 'no' })).value, false);
    assert.deepEqual(out.summary(false), ['No']);
  });

  it('uses the form’s message when nothing is chosen', async () => {
    assert.deepEqual((await submit(out, {})).errors, ['Select yes if the bin was out by 7am']);
    assert.deepEqual((await submit(out, { out: 'maybe' })).errors, ['Select yes if the bin was out by 7am']);
  });
});

describe('declaration field', () => {
  const declaration = makeField({ type: 'declaration', name: 'confirm', label: 'I confirm the information is correct', text: 'Giving false information is an offence.' });

  it('must be ticked', async () => {
    assert.equal((await submit(declaration, { confirm: 'yes' })).value, true);
    assert.deepEqual((await submit(declaration, {})).errors, ['Confirm that you agree with the declaration']);
  });

  it('cannot be made optional', () => {
    assert.deepEqual(refusals({ type: 'declaration', name: 'c', label: 'C', optional: true }), ['(the definition): has an unknown property: optional']);
  });
});
