import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, makeField, refusals } from '../testing.ts';

describe('content blocks', () => {
  it('ask nothing and hold no answer', async () => {
    const paragraph = makeField({ type: 'paragraph', text: 'First.\n\nSecond.' });
    assert.equal(paragraph.name, undefined);
    assert.deepEqual(await paragraph.validate(undefined, context()), []);
    assert.deepEqual(paragraph.summary(undefined), []);
    assert.deepEqual(paragraph.view(undefined, [], { asHeading: false }), { template: 'forms/fields/content.njk', params: { kind: 'paragraph', paragraphs: ['First.', 'Second.'], summary: undefined } });
  });

  it('come as inset text, warning text and details', () => {
    for (const type of ['inset', 'warning']) assert.equal(makeField({ type, text: 'Note' }).view(undefined, [], { asHeading: false }).params.kind, type);
    assert.equal(makeField({ type: 'details', summary: 'Help', text: 'More' }).view(undefined, [], { asHeading: false }).params.summary, 'Help');
    assert.deepEqual(refusals({ type: 'details', text: 'More' }), ['summary: is required']);
  });
});
