import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { dashboardCards } from './dashboard.ts';

const log = pino({ level: 'silent' });

describe('dashboard cards', () => {
  it('keeps the order providers registered in and leaves out those with nothing to show', async () => {
    const cards = await dashboardCards(
      [
        { id: 'a', card: async () => ({ title: 'A', items: [] }) },
        { id: 'b', card: async () => null },
        { id: 'c', card: async () => ({ title: 'C', items: [{ text: 'one' }] }) },
      ],
      'user-1',
      log,
    );
    assert.deepEqual(cards.map((c) => c.id), ['a', 'c']);
  });

  it('turns a provider that throws, even before returning a promise, or never answers into a message', async () => {
    const cards = await dashboardCards(
      [
        {
          id: 'saved_services',
          card: () => {
            throw new Error('not a promise');
          },
        },
        { id: 'waste.collections', card: () => new Promise(() => undefined) },
      ],
      'user-1',
      log,
      50,
    );
    assert.deepEqual(cards, [
      { id: 'saved_services', unavailable: { title: 'Saved services', text: 'We cannot show your saved services right now' } },
      { id: 'waste.collections', unavailable: { title: 'Waste collections', text: 'We cannot show your waste collections right now' } },
    ]);
  });
});
