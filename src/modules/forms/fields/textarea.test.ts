import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('textarea field', () => {
  const details = makeField({ type: 'textarea', name: 'details', label: 'Details', maxLength: 10 });

  it('keeps line breaks, counting a browser’s CRLF as one character', async () => {
    const { value, errors } = await submit(details, { details: 'one\r\ntwo\r\n' });
    assert.equal(value, 'one\ntwo');
    assert.deepEqual(errors, []);
    assert.deepEqual(details.summary(value), ['one', 'two']);
  });

  it('checks length and asks for an answer', async () => {
    assert.deepEqual((await submit(details, { details: 'x'.repeat(11) })).errors, ['Details must be 10 characters or less']);
    assert.deepEqual((await submit(details, {})).errors, ['Enter details']);
  });

  it('limits text to 2000 characters when the definition gives no limit', async () => {
    const open = makeField({ type: 'textarea', name: 'story', label: 'What happened', shortName: 'what happened' });
    assert.deepEqual((await submit(open, { story: 'x'.repeat(2001) })).errors, ['What happened must be 2000 characters or less']);
  });

  it('renders a GOV.UK textarea', () => {
    const view = details.view('hello', [], { asHeading: false });
    assert.equal(view.template, 'forms/fields/textarea.njk');
    assert.equal(view.params.value, 'hello');
    assert.equal(view.params.rows, 5);
  });
});
