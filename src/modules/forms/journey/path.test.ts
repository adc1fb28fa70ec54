import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDefinition } from '../definition/parse.ts';
import type { Form } from '../definition/form.ts';
import { standardFieldTypes } from '../fields/index.ts';
import { answersOnRoute, firstIncomplete, pageAfter, pageBefore, routeThrough } from './path.ts';

const TODAY = '2026-05-04';

function blueBadge(): Form {
  const json: unknown = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../forms/blue-badge-eligibility.json'), 'utf8'));
  const parsed = parseDefinition(json, standardFieldTypes());
  assert.ok(parsed.ok);
  return parsed.form;
}

const ids = (form: Form, answers: Record<string, unknown>) => {
  const route = routeThrough(form, answers, TODAY);
  return [...route.pages.map((p) => p.id), typeof route.end === 'string' ? route.end : `end:${route.end.id}`];
};

describe('routes through a form', () => {
  const form = blueBadge();

  it('follow branches and skip hidden pages', () => {
    assert.deepEqual(ids(form, { getsPip: true, pipPoints: 10 }), ['pip', 'pip-points', 'eligible', 'contact', 'check-answers']);
    assert.deepEqual(ids(form, { getsPip: true, pipPoints: 4, walkingDistance: 'under-50', walkingDifficulty: ['pain'] }), [
      'pip',
      'pip-points',
      'walking-distance',
      'walking-difficulty',
      'assessment',
      'contact',
      'check-answers',
    ]);
    assert.deepEqual(ids(form, { getsPip: false, walkingDistance: '50-to-200', walkingDifficulty: ['other'] }), [
      'pip',
      'walking-distance',
      'walking-difficulty',
      'other-difficulty',
      'assessment',
      'contact',
      'check-answers',
    ]);
    assert.deepEqual(ids(form, { getsPip: false, walkingDistance: 'over-200' }), ['pip', 'walking-distance', 'not-eligible', 'end:not-eligible']);
  });

  it('ignore answers left on pages no longer on the route', () => {
    // PIP points were given, then the answer to "do you get PIP" changed to no.
    const answers = { getsPip: false, pipPoints: 10, walkingDistance: 'under-50', walkingDifficulty: ['pain'], name: 'Sam' };
    assert.deepEqual(ids(form, answers), ['pip', 'walking-distance', 'walking-difficulty', 'assessment', 'contact', 'check-answers']);
    assert.deepEqual(answersOnRoute(form, answers, TODAY), { getsPip: false, walkingDistance: 'under-50', walkingDifficulty: ['pain'], name: 'Sam' });
  });

  it('know the first page still to do, and the pages before and after', () => {
    const progress = { answers: { getsPip: true, pipPoints: 9 }, answered: ['pip', 'pip-points'] };
    assert.equal(firstIncomplete(form, progress, TODAY)?.id, 'eligible');
    const pipPoints = form.page('pip-points');
    assert.ok(pipPoints);
    const after = pageAfter(form, pipPoints, progress.answers, TODAY);
    assert.equal(typeof after === 'string' ? after : after.id, 'eligible');
    assert.equal(pageBefore(form, pipPoints, progress.answers, TODAY)?.id, 'pip');
    assert.equal(firstIncomplete(form, { answers: { getsPip: false, walkingDistance: 'over-200' }, answered: ['pip', 'walking-distance'] }, TODAY)?.id, 'not-eligible');
  });
});
