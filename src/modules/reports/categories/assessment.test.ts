import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReportRejected } from '../contracts.ts';
import { checkAnswers } from './answers.ts';
import { assess, ruleProblems } from './assessment.ts';
import type { CategoryQuestion } from './questions.ts';

// As the category forms ask them (questions.test.ts reads them from the forms themselves).
const choice = (code: string, values: string[]): CategoryQuestion => ({ code, label: `The ${code}?`, required: true, kind: 'choice', options: values.map((value) => ({ value, text: value })) });
const yesNo = (code: string): CategoryQuestion => ({ code, label: `The ${code}?`, required: true, kind: 'yes-no', options: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }] });
const QUESTIONS: Record<string, CategoryQuestion[]> = {
  streetlight: [choice('fault', ['light_out', 'on_in_daytime', 'flickering', 'damaged'])],
  blocked_drain: [choice('problem', ['blocked', 'smell', 'cover_missing']), yesNo('flooding')],
  pothole: [choice('where', ['road', 'pavement', 'cycle_lane']), choice('size', ['small', 'medium', 'large']), choice('depth', ['shallow', 'deep'])],
};
const questionsFor = (code: string): CategoryQuestion[] => QUESTIONS[code] ?? [];

const streetlight = { code: 'streetlight', defaultPriority: 'standard', standardResponseHours: 168 } as const;
const drain = { code: 'blocked_drain', defaultPriority: 'standard', standardResponseHours: 120 } as const;
const pothole = { code: 'pothole', defaultPriority: 'standard', standardResponseHours: 120 } as const;

describe('how urgent a report is', () => {
  it('makes damaged lights and open drains emergencies, due in two hours, and dangerous', () => {
    assert.deepEqual(assess(streetlight, { fault: 'damaged' }), { priority: 'emergency', dueInHours: 2, dangerous: true });
    assert.deepEqual(assess(drain, { problem: 'cover_missing', flooding: false }), { priority: 'emergency', dueInHours: 2, dangerous: true });
  });

  it('gives ordinary faults the category’s own time: 7 days for lights, 5 for drains', () => {
    assert.deepEqual(assess(streetlight, { fault: 'light_out' }), { priority: 'standard', dueInHours: 168, dangerous: false });
    assert.deepEqual(assess(drain, { problem: 'blocked', flooding: false }), { priority: 'standard', dueInHours: 120, dangerous: false });
    assert.equal(assess(drain, { problem: 'blocked', flooding: true }).priority, 'urgent');
  });

  it('sizes potholes: shallow ones can wait, deep ones on pavements and cycle lanes or big ones cannot', () => {
    assert.equal(assess(pothole, { size: 'large', depth: 'shallow', where: 'road' }).priority, 'low');
    assert.equal(assess(pothole, { size: 'small', depth: 'deep', where: 'road' }).priority, 'standard');
    assert.equal(assess(pothole, { size: 'small', depth: 'deep', where: 'cycle_lane' }).priority, 'urgent');
    assert.equal(assess(pothole, { size: 'medium', depth: 'deep', where: 'pavement' }).dueInHours, 24);
    assert.equal(assess(pothole, { size: 'large', depth: 'deep', where: 'road' }).priority, 'urgent');
    assert.equal(assess(pothole, { size: 'small', depth: 'shallow', where: 'road' }).dueInHours, 28 * 24);
  });

  it('falls back to the category’s default when the answers say nothing', () => {
    assert.deepEqual(assess(pothole, {}), { priority: 'standard', dueInHours: 120, dangerous: false });
    assert.equal(assess({ code: 'graffiti', defaultPriority: 'low', standardResponseHours: 240 }, { fault: 'damaged' }).priority, 'low');
  });
});

describe('checking answers from any channel', () => {
  it('accepts the category’s answers, and yes or no as Open311 sends them', () => {
    assert.deepEqual(checkAnswers(questionsFor('blocked_drain'), { problem: 'blocked', flooding: 'Yes', note: ' by the bus stop ' }), { problem: 'blocked', flooding: true, note: 'by the bus stop' });
  });

  it('refuses missing or unknown choices, naming the question', () => {
    const refused = (answers: Record<string, unknown>, field: string) =>
      assert.throws(() => checkAnswers(questionsFor('streetlight'), answers), (e: unknown) => e instanceof ReportRejected && e.field === field);
    refused({}, 'fault');
    refused({ fault: 'exploded' }, 'fault');
    refused({ fault: 'light_out', 'bad key': 'x' }, 'answers');
    refused({ fault: 'light_out', note: 'x'.repeat(2001) }, 'note');
    refused({ fault: 'light_out', big: 'x'.repeat(1900).split('').map(() => 'y'.repeat(10)) }, 'answers');
  });
});

describe('the priority rules against the categories’ forms', () => {
  const categories = Object.entries(QUESTIONS).map(([code, questions]) => ({ code, questions }));

  it('find every question and answer they name', () => {
    assert.deepEqual(ruleProblems(categories), []);
  });

  it('name what a changed form no longer has', () => {
    const changed = categories.map((c) => (c.code === 'pothole' ? { ...c, questions: [choice('size', ['small', 'large']), choice('depth', ['shallow', 'very_deep'])] } : c));
    assert.deepEqual(ruleProblems(changed), ['pothole: "depth" has no answer "deep"', 'pothole: its form has no choice or yes/no question "where"']);
    const noFlooding = categories.map((c) => (c.code === 'blocked_drain' ? { ...c, questions: [choice('problem', ['blocked', 'smell', 'cover_missing']), choice('flooding', ['yes', 'no'])] } : c));
    assert.deepEqual(ruleProblems(noFlooding), ['blocked_drain: "flooding" has no answer true']);
  });
});
