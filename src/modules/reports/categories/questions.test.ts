import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORY_QUESTIONS } from './questions.ts';

/** The forms the categories name (report_categories.form_id), read as plain JSON. */
const FORMS: Record<string, string> = { streetlight: 'report-streetlight', blocked_drain: 'report-drain', pothole: 'report-pothole' };
const formsDir = path.resolve(import.meta.dirname, '../../../../forms');

interface FieldJson {
  type: string;
  name?: string;
  label?: string;
  options?: { value: string; text: string }[];
}

function questionsInForm(formId: string): FieldJson[] {
  const json: { id: string; pages: { fields: FieldJson[] }[] } = JSON.parse(readFileSync(path.join(formsDir, `${formId}.json`), 'utf8'));
  assert.equal(json.id, formId);
  return json.pages.flatMap((p) => p.fields).filter((f) => f.name !== undefined);
}

describe('each category’s questions', () => {
  for (const [category, formId] of Object.entries(FORMS)) {
    it(`are the questions the ${formId} form asks residents, with the same answers`, () => {
      const inForm = questionsInForm(formId);
      const core = CATEGORY_QUESTIONS[category] ?? [];
      assert.deepEqual(inForm.map((f) => f.name).sort(), core.map((q) => q.code).sort());
      for (const question of core) {
        const field = inForm.find((f) => f.name === question.code);
        assert.equal(field?.label, question.label, `${question.code} label`);
        if (question.kind === 'yes-no') assert.equal(field?.type, 'yes-no');
        else assert.deepEqual(field?.options?.map((o) => [o.value, o.text]), question.options.map((o) => [o.value, o.text]), `${question.code} options`);
      }
    });
  }
});
