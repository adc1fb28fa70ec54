import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fieldsIn, holds } from './conditions.ts';
import type { Condition, Scalar } from './definition/types.ts';
import { addDays } from './validation/dates.ts';

const TODAY = '2026-05-04';
const scalar = fc.oneof(fc.string({ maxLength: 5 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
const answer = fc.oneof(scalar, fc.constant(undefined), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }));

describe('conditions', () => {
  it('compare answers in each of their ways', () => {
    const answers = { bin: 'paper', bins: ['paper', 'garden'], points: 8, out: false, due: '2026-05-01', note: 'Left by the GATE', empty: '' };
    const cases: [Condition, boolean][] = [
      [{ field: 'bin', equals: 'paper' }, true],
      [{ field: 'out', equals: false }, true],
      [{ field: 'points', equals: '8' }, false],
      [{ field: 'bin', oneOf: ['general', 'paper'] }, true],
      [{ field: 'bins', contains: 'garden' }, true],
      [{ field: 'note', contains: 'gate' }, true],
      [{ field: 'empty', empty: true }, true],
      [{ field: 'missing', empty: true }, true],
      [{ field: 'bins', empty: false }, true],
      [{ field: 'points', greaterThan: 7 }, true],
      [{ field: 'points', lessThan: 8 }, false],
      [{ field: 'due', before: 'today' }, true],
      [{ field: 'due', after: { days: -3 } }, false],
      [{ field: 'due', after: '2026-04-30' }, true],
      [{ all: [{ field: 'bin', equals: 'paper' }, { field: 'points', greaterThan: 7 }] }, true],
      [{ any: [{ field: 'bin', equals: 'general' }, { field: 'out', equals: true }] }, false],
      [{ not: { field: 'bin', equals: 'general' } }, true],
    ];
    for (const [condition, expected] of cases) assert.equal(holds(condition, answers, TODAY), expected, JSON.stringify(condition));
  });

  it('never hold on an unanswered field, except to ask whether it is empty', () => {
    fc.assert(
      fc.property(scalar, (value) => {
        const conditions: Condition[] = [
          { field: 'x', equals: value },
          { field: 'x', oneOf: [value] },
          { field: 'x', contains: value },
          { field: 'x', greaterThan: -100 },
          { field: 'x', lessThan: 100 },
          { field: 'x', before: { days: 100 } },
          { field: 'x', after: '1900-01-01' },
        ];
        for (const c of conditions) assert.equal(holds(c, {}, TODAY), false);
      }),
    );
  });

  it('equals a value exactly when one-of that value alone holds, and one-of is any of its equals', () => {
    fc.assert(
      fc.property(answer, scalar, fc.array(scalar, { minLength: 1, maxLength: 4 }), (given, value, values) => {
        const answers = { x: given };
        assert.equal(holds({ field: 'x', equals: value }, answers, TODAY), holds({ field: 'x', oneOf: [value] }, answers, TODAY));
        assert.equal(
          holds({ field: 'x', oneOf: values }, answers, TODAY),
          values.some((v: Scalar) => holds({ field: 'x', equals: v }, answers, TODAY)),
        );
      }),
    );
  });

  it('combine as logic does: all is not any of the nots, and not(not c) is c', () => {
    const leaf = fc.record({ field: fc.constantFrom('a', 'b'), equals: scalar });
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 1, maxLength: 4 }), fc.record({ a: scalar, b: scalar }), (leaves, answers) => {
        const all = holds({ all: leaves }, answers, TODAY);
        assert.equal(all, !holds({ any: leaves.map((c) => ({ not: c })) }, answers, TODAY));
        for (const c of leaves) assert.equal(holds({ not: { not: c } }, answers, TODAY), holds(c, answers, TODAY));
      }),
    );
  });

  it('compare numbers and days as a model does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (n, limit) => {
        assert.equal(holds({ field: 'n', greaterThan: limit }, { n }, TODAY), n > limit);
        assert.equal(holds({ field: 'n', lessThan: limit }, { n }, TODAY), n < limit);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), fc.integer({ min: -800, max: 800 }), (offset, limit) => {
        const day = addDays(TODAY, offset);
        assert.equal(holds({ field: 'd', before: { days: limit } }, { d: day }, TODAY), offset < limit);
        assert.equal(holds({ field: 'd', after: { days: limit } }, { d: day }, TODAY), offset > limit);
      }),
    );
  });

  it('name the fields they refer to', () => {
    assert.deepEqual(fieldsIn({ all: [{ field: 'a', equals: 1 }, { not: { any: [{ field: 'b', empty: true }] } }] }), ['a', 'b']);
  });
});
