import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REFERENCE_ALPHABET, newReportReference, normaliseReportReference } from './reference.ts';

describe('report references', () => {
  it('look like "K7QD-M2X9" and check themselves', () => {
    for (let i = 0; i < 200; i++) {
      const reference = newReportReference();
      assert.match(reference, /^[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
      assert.equal(normaliseReportReference(reference), reference);
    }
  });

  it('are found however they are typed', () => {
    const reference = newReportReference();
    assert.equal(normaliseReportReference(` ${reference.toLowerCase().replace('-', ' ')} `), reference);
  });

  it('catch every mistyped character and every swap of neighbours', () => {
    const reference = newReportReference().replace('-', '');
    for (let at = 0; at < reference.length; at++) {
      for (const other of REFERENCE_ALPHABET) {
        if (other === reference[at]) continue;
        const typo = reference.slice(0, at) + other + reference.slice(at + 1);
        assert.equal(normaliseReportReference(typo), null, `${typo} should not check`);
      }
      const next = reference[at + 1];
      if (next !== undefined && next !== reference[at]) {
        const swapped = reference.slice(0, at) + next + reference[at] + reference.slice(at + 2);
        assert.equal(normaliseReportReference(swapped), null, `${swapped} should not check`);
      }
    }
  });

  it('refuse anything that cannot be a report reference, such as a form reference', () => {
    for (const input of ['', 'ABCD-EFG', 'ABCD-EFGH-J', 'O0I1-LUV2', 'BX7K-9M2Q-T']) assert.equal(normaliseReportReference(input), null, input);
  });
});
