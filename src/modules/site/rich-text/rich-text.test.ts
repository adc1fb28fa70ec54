import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromMarkdown, renderRichText, richTextLinks, richTextSchema, richTextToPlain, RichTextProblem, toMarkdown } from './index.ts';

test('editors write a small Markdown that becomes structure', () => {
  const text = fromMarkdown(
    '## Before you start\n\nYou need your **council tax** number. See [pay online](/council-tax/pay).\n\n- one\n- two\n\n1. first\n2. second\n\n> You cannot pay by cheque.\n\n> Warning: Do not touch exposed wires.\n\n+++ Help with costs\nAsk us about [discounts](/council-tax/discounts).\n+++',
  );
  assert.deepEqual(text, [
    { type: 'heading', level: 2, text: 'Before you start' },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'You need your ' },
        { type: 'text', text: 'council tax', bold: true },
        { type: 'text', text: ' number. See ' },
        { type: 'link', href: '/council-tax/pay', text: 'pay online' },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'list', style: 'bullet', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
    { type: 'list', style: 'number', items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]] },
    { type: 'inset', content: [{ type: 'text', text: 'You cannot pay by cheque.' }] },
    { type: 'warning', content: [{ type: 'text', text: 'Do not touch exposed wires.' }] },
    {
      type: 'details',
      summary: 'Help with costs',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ask us about ' }, { type: 'link', href: '/council-tax/discounts', text: 'discounts' }, { type: 'text', text: '.' }] }],
    },
  ]);
  assert.deepEqual(richTextLinks(text), ['/council-tax/pay', '/council-tax/discounts']);
  assert.match(richTextToPlain(text), /You need your council tax number/);
});

test('what rich text cannot hold is refused with a reason', () => {
  assert.throws(() => fromMarkdown('<script>alert(1)</script>'), RichTextProblem);
  assert.throws(() => fromMarkdown('# Title'), /## or ###/);
  assert.throws(() => fromMarkdown('| a | b |\n|---|---|\n| 1 | 2 |'), /tables/);
  assert.throws(() => fromMarkdown('+++ Open\nno end'), /Close the details box/);
});

test('rendering escapes every word and refuses script links', () => {
  const html = renderRichText([
    { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "q"' }, { type: 'link', href: 'javascript:alert(1)', text: 'x' }] },
  ]);
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;'));
  assert.ok(html.includes('href="#"'));
});

test('Markdown written back from rich text reads back to the same structure', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.'&<>*_-]{0,20}[A-Za-z0-9.]$/);
  const run = fc.oneof(
    word.map((text) => ({ type: 'text' as const, text })),
    fc.tuple(word, fc.constantFrom('/bins', 'https://example.org/a')).map(([text, href]) => ({ type: 'link' as const, text, href })),
  );
  const paragraph = fc.array(run, { minLength: 1, maxLength: 4 }).map((content) => ({ type: 'paragraph' as const, content }));
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (blocks) => {
      const text = richTextSchema.parse(blocks);
      const again = fromMarkdown(toMarkdown(text));
      assert.equal(richTextToPlain(again).replace(/\s+/g, ' '), richTextToPlain(text).replace(/\s+/g, ' '));
      assert.deepEqual(richTextLinks(again), richTextLinks(text));
    }),
    { numRuns: 200 },
  );
});
