import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, refusals, submit } from '../testing.ts';

describe('text field', () => {
  const name = makeField({ type: 'text', name: 'fullName', label: 'Full name', shortName: 'your full name', maxLength: 20 });

  it('stores the answer trimmed', async () => {
    assert.deepEqual((await submit(name, { fullName: '  Sam Resident ' })).value, 'Sam Resident');
  });

  it('asks for an answer in GOV.UK words, and checks its length', async () => {
    assert.deepEqual((await submit(name, {})).errors, ['Enter your full name']);
    assert.deepEqual((await submit(name, { fullName: '   ' })).errors, ['Enter your full name']);
    assert.deepEqual((await submit(name, { fullName: 'x'.repeat(21) })).errors, ['Your full name must be 20 characters or less']);
    const short = makeField({ type: 'text', name: 'ref', label: 'Reference', minLength: 5 });
    assert.deepEqual((await submit(short, { ref: 'abc' })).errors, ['Reference must be 5 characters or more']);
  });

  it('keeps to a pattern, with the form’s own message when it gives one', async () => {
    const plate = makeField({ type: 'text', name: 'plate', label: 'Registration number', pattern: '[A-Z]{2}[0-9]{2} ?[A-Z]{3}', messages: { pattern: 'Enter a registration number like AB12 CDE' } });
    assert.deepEqual((await submit(plate, { plate: 'AB12 CDE' })).errors, []);
    assert.deepEqual((await submit(plate, { plate: 'AB12 CDEF' })).errors, ['Enter a registration number like AB12 CDE']);
  });

  it('checks postcodes, and that one is in the borough', async () => {
    const postcode = makeField({ type: 'text', name: 'postcode', label: 'Postcode', inBorough: true });
    const good = await submit(postcode, { postcode: 'sk43da' });
    assert.equal(good.value, 'SK4 3DA');
    assert.deepEqual(good.errors, []);
    assert.deepEqual((await submit(postcode, { postcode: 'not a postcode' })).errors, ['Enter a real postcode']);
    assert.deepEqual((await submit(postcode, { postcode: 'M1 1AA' })).errors, ['Enter a postcode in Stockport']);
  });

  it('is optional when marked so, or required only when its condition holds', async () => {
    const optional = makeField({ type: 'text', name: 'nickname', label: 'Nickname', optional: true });
    assert.deepEqual((await submit(optional, {})).errors, []);
    const ifOther = makeField({ type: 'text', name: 'other', label: 'Other reason', requiredIf: { field: 'reason', equals: 'other' } });
    assert.deepEqual((await submit(ifOther, {}, { reason: 'noise' })).errors, []);
    assert.deepEqual((await submit(ifOther, {}, { reason: 'other' })).errors, ['Enter other reason']);
  });

  it('shows the answer as typed, labelled as the page heading when it is the only question', async () => {
    const { reading } = await submit(name, { fullName: 'x'.repeat(21) });
    const view = reading.view([{ href: '#fullName', text: 'too long' }], { asHeading: true });
    assert.equal(view.template, 'forms/fields/input.njk');
    assert.deepEqual(view.params.label, { text: 'Full name', classes: 'govuk-label--l', isPageHeading: true });
    assert.equal(view.params.value, 'x'.repeat(21));
    assert.deepEqual(view.params.errorMessage, { text: 'too long' });
    const optional = makeField({ type: 'text', name: 'nickname', label: 'Nickname', optional: true });
    assert.deepEqual(optional.view(undefined, [], { asHeading: false }).params.label, { text: 'Nickname (optional)', classes: 'govuk-label--s', isPageHeading: false });
  });

  it('refuses a definition with a misspelt or bad option', () => {
    assert.deepEqual(refusals({ type: 'text', name: 'a', label: 'A', maxlength: 3 }), ['(the definition): has an unknown property: maxlength']);
    assert.deepEqual(refusals({ type: 'text', name: 'a', label: 'A', pattern: '(' }), ['pattern: must be a valid regular expression']);
  });
});
