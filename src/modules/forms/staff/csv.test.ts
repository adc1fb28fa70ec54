import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvLine } from '../../../platform/http/csv.ts';

describe('CSV cells', () => {
  it('stops spreadsheets running answers as formulas', () => {
    for (const risky of ['=SUM(A1:A9)', '+44 161 474 4444', '-2+3', '@cmd', '\t=1', '\r=1']) assert.ok(csvCell(risky).replace(/^"/, '').startsWith("'"), risky);
    assert.equal(csvCell('=HYPERLINK("http://evil.example")'), `"'=HYPERLINK(""http://evil.example"")"`);
    assert.equal(csvCell('Mersey Road'), 'Mersey Road');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('1, High Street'), '"1, High Street"');
    assert.equal(csvCell('He said "no"'), '"He said ""no"""');
    assert.equal(csvCell('line one\nline two'), '"line one\nline two"');
    assert.equal(csvLine(['a', 'b,c', '']), 'a,"b,c",\r\n');
  });
});
