import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { context } from '../testing.ts';
import { textProblem } from './text-rules.ts';

const words = { message: (_key: string, fallback: string) => fallback, Named: 'Name', named: 'name' };

describe('text rules', () => {
  it('refuse an answer exactly when its length is outside the limits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40, unit: 'grapheme' }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), async (value, min, extra) => {
        const max = min + extra;
        const length = [...value].length;
        const problem = await textProblem(value, { minLength: min, maxLength: max }, words, context());
        if (length > max) assert.equal(problem, `Name must be ${max} characters or less`);
        else if (length < min) assert.equal(problem, `Name must be ${min} characters or more`);
        else assert.equal(problem, undefined);
      }),
    );
  });

  it('count characters, not UTF-16 units', async () => {
    assert.equal(await textProblem('😀😀', { maxLength: 2 }, words, context()), undefined);
  });

  it('match a pattern against the whole answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 10 }), async (value) => {
        const problem = await textProblem(value, { pattern: '[0-9]+' }, words, context());
        assert.equal(problem === undefined, /^[0-9]+$/.test(value));
      }),
    );
  });
});
