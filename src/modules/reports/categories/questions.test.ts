import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestPlatform, type TestPlatform } from '../../../../test/support/platform.ts';
import { formsEngine, FORMS_FOLDER } from '../../forms/index.ts';
import { ReportRejected } from '../contracts.ts';
import { reports } from '../index.ts';
import { attributesOf } from '../open311/services.ts';
import { checkAnswers } from './answers.ts';
import { ruleProblems } from './assessment.ts';

const streetlightForm = (): { version: number; pages: { fields: { name?: string; options?: { value: string; text: string }[] }[] }[] } =>
  JSON.parse(readFileSync(path.join(FORMS_FOLDER, 'report-streetlight.json'), 'utf8'));

describe('each category’s questions, read from its form', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
  });
  after(() => t.close());

  it('are the form’s questions, in the form’s order, required when the form always asks them', async () => {
    const categories = reports(t.platform.services).categories;
    const asked = async (code: string) => (await categories.get(code))?.questions.map((q) => [q.code, q.kind, q.required, q.options.map((o) => o.value)]);
    assert.deepEqual(await asked('streetlight'), [['fault', 'choice', true, ['light_out', 'on_in_daytime', 'flickering', 'damaged']]]);
    assert.deepEqual(await asked('blocked_drain'), [
      ['problem', 'choice', true, ['blocked', 'smell', 'cover_missing']],
      ['flooding', 'yes-no', true, ['yes', 'no']],
    ]);
    assert.deepEqual(await asked('pothole'), [
      ['where', 'choice', true, ['road', 'pavement', 'cycle_lane']],
      ['size', 'choice', true, ['small', 'medium', 'large']],
      ['depth', 'choice', true, ['shallow', 'deep']],
    ]);
  });

  it('take an option added in a new version of the form, for checking answers and for Open311, with no other change', async () => {
    const { services } = t.platform;
    const core = reports(services);
    const before = await core.categories.get('streetlight');
    assert.ok(before);
    assert.throws(() => checkAnswers(before.questions, { fault: 'cycling' }), (e: unknown) => e instanceof ReportRejected && e.field === 'fault');

    const form = streetlightForm();
    const fault = form.pages[0]?.fields[0];
    assert.equal(fault?.name, 'fault');
    fault.options?.push({ value: 'cycling', text: 'It keeps switching on and off' });
    const staffId = await services.accounts.createVerifiedUser({ email: 'forms.editor@example.org', password: 'a long staff password', roles: ['customer_services'] }, { userId: null });
    const published = await formsEngine(services).registry.publish(form, staffId);
    assert.ok(published.ok);
    core.categories.forget();

    const after = await core.categories.get('streetlight');
    assert.ok(after);
    assert.deepEqual(checkAnswers(after.questions, { fault: 'cycling' }), { fault: 'cycling' });
    const attribute = attributesOf(after).find((a) => a.code === 'fault');
    assert.deepEqual(attribute?.values.at(-1), { key: 'cycling', name: 'It keeps switching on and off' });
    // The priority rules still find what they name.
    assert.deepEqual(ruleProblems(await core.categories.all()), []);
  });

  it('refuse a new version of the form that drops an answer the priority rules need, and keep the one in use', async () => {
    const { services } = t.platform;
    const registry = formsEngine(services).registry;
    const versionsBefore = (await registry.versions('report-streetlight')).length;
    const form = streetlightForm();
    const fault = form.pages[0]?.fields[0];
    assert.ok(fault?.options);
    fault.options = fault.options.filter((o) => o.value !== 'damaged');
    const staffId = await services.accounts.createVerifiedUser({ email: 'forms.careless@example.org', password: 'a long staff password', roles: ['customer_services'] }, { userId: null });
    const published = await registry.publish(form, staffId);
    assert.equal(published.ok, false);
    assert.ok(!published.ok && published.problems.some((p) => /"fault" has no answer "damaged"/.test(p.message)), JSON.stringify(published));
    assert.equal((await registry.versions('report-streetlight')).length, versionsBefore);
    // A form no category uses is not the reports module's business.
    const other = JSON.parse(readFileSync(path.join(FORMS_FOLDER, 'missed-bin.json'), 'utf8'));
    assert.ok((await registry.publish(other, staffId)).ok);
  });
});
