import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SubmissionRecord } from '../contracts.ts';
import { applyMapping } from './mapping.ts';

const submission: SubmissionRecord = {
  id: '6f1c9a52-4b8e-4f0e-9a51-2b7d8f3c1e00',
  reference: 'BX7K-9M2Q-T',
  formId: 'missed-bin',
  formVersion: 3,
  formTitle: 'Report a missed bin',
  answers: { bin: 'recycling', items: [{ name: 'Sofa' }, { name: 'Fridge' }] },
  channel: 'online',
  userId: null,
  staffId: null,
  contact: { name: 'Ada Lovelace', email: 'ada@example.org' },
  submittedAt: new Date('2026-06-04T14:15:00Z'),
};

describe('the field mapping for submission targets', () => {
  it('takes values at paths, literals after "=", and null where a path leads nowhere', () => {
    assert.deepEqual(
      applyMapping(submission, {
        items: 'answers.items',
        first: 'answers.items.0.name',
        ref: 'reference',
        email: 'contact.email',
        phone: 'contact.phone',
        service: '=streetlight',
        missing: 'answers.nothing.here',
      }),
      { items: [{ name: 'Sofa' }, { name: 'Fridge' }], first: 'Sofa', ref: 'BX7K-9M2Q-T', email: 'ada@example.org', phone: null, service: 'streetlight', missing: null },
    );
  });

  it('sends the whole submission when there is no mapping, with the date as ISO 8601', () => {
    const payload = applyMapping(submission, undefined);
    assert.equal(payload.reference, 'BX7K-9M2Q-T');
    assert.equal(payload.submittedAt, '2026-06-04T14:15:00.000Z');
    assert.deepEqual(payload.answers, submission.answers);
    assert.equal('userId' in payload, false, 'account and staff ids stay inside the council');
  });

  it('does not walk into prototypes', () => {
    assert.deepEqual(applyMapping(submission, { x: 'answers.constructor', y: 'answers.__proto__' }), { x: null, y: null });
  });
});
