import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCharacter, isValidReference, newReference, normaliseReference, REFERENCE_ALPHABET } from './reference.ts';

const body = fc.array(fc.constantFrom(...REFERENCE_ALPHABET), { minLength: 8, maxLength: 8 }).map((chars) => chars.join(''));
const compact = (reference: string) => reference.replace(/-/g, '');

describe('reference numbers', () => {
  it('look like "BX7K-9M2Q-T" and use no character that reads as another', () => {
    for (let i = 0; i < 200; i++) {
      const reference = newReference();
      assert.match(reference, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]$/);
      assert.doesNotMatch(reference, /[01OILUV]/);
      assert.ok(isValidReference(reference));
    }
  });

  it('are read back however they are typed', () => {
    const reference = newReference();
    assert.equal(normaliseReference(` ${compact(reference).toLowerCase()} `), reference);
    assert.equal(normaliseReference('not a reference'), null);
  });

  it('detect every single-character substitution', () => {
    fc.assert(
      fc.property(body, (b) => {
        const good = b + checkCharacter(b);
        for (let i = 0; i < good.length; i++) {
          for (const ch of REFERENCE_ALPHABET) {
            if (ch === good[i]) continue;
            assert.equal(isValidReference(good.slice(0, i) + ch + good.slice(i + 1)), false, `${good} with ${ch} at ${i}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('detect every swap of two neighbouring characters that differ', () => {
    fc.assert(
      fc.property(body, (b) => {
        const good = b + checkCharacter(b);
        for (let i = 0; i + 1 < good.length; i++) {
          if (good[i] === good[i + 1]) continue;
          const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
          assert.equal(isValidReference(swapped), false, `${good} swapped at ${i}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
