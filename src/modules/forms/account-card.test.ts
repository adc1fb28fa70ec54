import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formsAccountCard } from './account-card.ts';

describe('the "Your forms" card on My Account', () => {
  it('lists saved forms to continue, then forms sent with their reference', async () => {
    const card = formsAccountCard(
      {
        forUser: async (userId, limit) => {
          assert.equal(userId, 'u1');
          assert.equal(limit, 5);
          return [{ id: 's1', reference: 'BX7K-9M2Q', formId: 'missed-bin', formTitle: 'Report a missed bin', channel: 'online', submittedAt: new Date('2026-06-04T10:00:00Z') }];
        },
      },
      {
        forUser: async () => [
          { id: 'd1', formId: 'bulky-waste', formTitle: 'Request a bulky waste collection', updatedAt: new Date('2026-06-01T10:00:00Z'), expiresAt: new Date('2026-06-29T10:00:00Z'), resumeHref: '/forms/bulky-waste/resume/d1' },
        ],
      },
    );
    assert.deepEqual(await card.card('u1'), {
      title: 'Your forms',
      items: [
        { text: 'Continue Request a bulky waste collection (saved until 29 June 2026)', href: '/forms/bulky-waste/resume/d1', status: 'Not sent' },
        { text: 'Report a missed bin, reference BX7K-9M2Q, sent 4 June 2026', status: 'Sent' },
      ],
      emptyText: 'You have not sent or saved any forms.',
    });
  });

  it('says so when there is nothing', async () => {
    const card = await formsAccountCard({ forUser: async () => [] }, { forUser: async () => [] }).card('u2');
    assert.deepEqual(card?.items, []);
    assert.equal(card?.emptyText, 'You have not sent or saved any forms.');
  });
});
