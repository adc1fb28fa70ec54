import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromContentfulRichText, type LinkTargets } from './rich-text.ts';

const targets: LinkTargets = {
  pathOfEntry: (id) => (id === 'page' ? '/council-tax' : undefined),
  assetUrl: (id) => (id === 'file' ? 'https://assets.ctfassets.net/s/file/form.pdf' : undefined),
};
const text = (value: string, marks: string[] = []) => ({ nodeType: 'text', value, marks: marks.map((type) => ({ type })), data: {} });
const node = (nodeType: string, content: unknown[] = [], data: Record<string, unknown> = {}) => ({ nodeType, data, content });
const target = (linkType: string, id: string) => ({ target: { sys: { type: 'Link', linkType, id } } });

function convert(...content: unknown[]) {
  const warnings: string[] = [];
  return { result: fromContentfulRichText(node('document', content), targets, (m) => warnings.push(m)), warnings };
}

describe('Contentful rich text', () => {
  it('keeps quotes as inset text, file links, and the text of other marks; the editor’s trailing empty paragraph goes quietly', () => {
    const { result, warnings } = convert(
      node('blockquote', [node('paragraph', [text('Pay by '), text('1 April', ['italic'])]), node('paragraph', [node('asset-hyperlink', [text('the form')], target('Asset', 'file'))])]),
      node('paragraph', [text('')]),
    );
    assert.deepEqual(result, [
      {
        type: 'inset',
        content: [
          { type: 'text', text: 'Pay by ' },
          { type: 'text', text: '1 April' },
          { type: 'text', text: ' ' },
          { type: 'link', text: 'the form', href: 'https://assets.ctfassets.net/s/file/form.pdf' },
        ],
      },
    ]);
    assert.deepEqual(warnings, []);
  });

  it('leaves out what the site cannot show, saying so, and keeps a link to an entry that is not a page as its text', () => {
    const { result, warnings } = convert(
      node('heading-1', [text('Council tax')]),
      node('table', [node('table-row', [node('table-cell', [node('paragraph', [text('Band A')])])])]),
      node('unordered-list', [node('list-item', [node('paragraph', [text('Band A')]), node('unordered-list', [node('list-item', [node('paragraph', [text('nested')])])])])]),
      node('paragraph', [node('entry-hyperlink', [text('the form')], target('Entry', 'not-a-page')), node('embedded-entry-inline', [], target('Entry', 'page'))]),
    );
    assert.deepEqual(result, [
      { type: 'list', style: 'bullet', items: [[{ type: 'text', text: 'Band A' }]] },
      { type: 'paragraph', content: [{ type: 'text', text: 'the form' }] },
    ]);
    assert.deepEqual(warnings, [
      'a level 1 heading (the page title is the only one) cannot be shown on the site and was left out',
      'a table cannot be shown on the site and was left out',
      'a list inside a list cannot be shown on the site and was left out',
      'the link "the form" goes to an entry that is not a page on the site, so it is shown as plain text',
      'an inline embedded entry cannot be shown on the site and was left out',
    ]);
  });

  it('refuses a value that is not a rich text document', () => {
    assert.deepEqual(fromContentfulRichText('Plain words', targets, () => undefined), { error: 'is not a Rich Text field' });
    assert.deepEqual(fromContentfulRichText(undefined, targets, () => undefined), []);
  });
});
