import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { context, makeField, refusals } from '../testing.ts';
import { AddAnotherField } from './add-another.ts';

const definition = {
  type: 'add-another',
  name: 'items',
  label: 'Items to collect',
  itemName: 'item',
  maxItems: 3,
  fields: [
    { type: 'text', name: 'description', label: 'Describe the item', shortName: 'a description of the item' },
    { type: 'number', name: 'quantity', label: 'How many?', shortName: 'Quantity', integer: true, min: 1 },
  ],
};

describe('add-another field', () => {
  const field = makeField(definition);

  it('is a list of items, each checked by its own questions', async () => {
    assert.ok(field instanceof AddAnotherField);
    assert.deepEqual(await field.validate([{ description: 'Sofa', quantity: 1 }], context()), []);
    assert.deepEqual((await field.validate([], context())).map((e) => e.text), ['Add at least one item']);
    assert.deepEqual((await field.validate([{ description: 'Sofa', quantity: 0 }], context())).map((e) => e.text), ['Item 1: Quantity must be 1 or more']);
    const four = Array.from({ length: 4 }, () => ({ description: 'Chair', quantity: 1 }));
    assert.deepEqual((await field.validate(four, context())).map((e) => e.text), ['You can add up to 3 items']);
  });

  it('sums up each item in a line', () => {
    assert.deepEqual(field.summary([{ description: 'Sofa', quantity: 2 }, { description: 'Fridge', quantity: 1 }]), ['Sofa, 2', 'Fridge, 1']);
  });

  it('lists items with Change and Remove links, then asks about another', () => {
    assert.ok(field instanceof AddAnotherField);
    const view = field.collectionView([{ description: 'Sofa', quantity: 2 }], '', [], '/forms/bulky-waste/items', '?change=1');
    const rows = view.params.rows as { actions: { items: { href: string; text: string }[] } }[];
    assert.deepEqual(rows[0]?.actions.items.map((a) => `${a.text} ${a.href}`), ['Change /forms/bulky-waste/items/1?change=1', 'Remove /forms/bulky-waste/items/1/remove?change=1']);
    assert.equal(view.params.canAddMore, true);
  });

  it('refuses an add-another inside another, and problems inside its questions, with their paths', () => {
    const [nested] = refusals({ ...definition, fields: [{ ...definition, name: 'inner' }] });
    assert.match(nested ?? '', /^fields\[0\]\.type: must be one of text, textarea, number, .*details/);
    assert.doesNotMatch(nested ?? '', /add-another/);
    assert.deepEqual(refusals({ ...definition, fields: [{ type: 'text', name: 'x' }] }), ['fields[0].label: is required']);
  });
});
