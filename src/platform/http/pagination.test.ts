import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pagination, showing } from './pagination.ts';

describe('pagination', () => {
  const href = (n: number) => `/list?page=${n}`;

  it('has none for a single page', () => {
    assert.equal(pagination(1, 50, 50, href), undefined);
  });

  it('shows the first, last and neighbouring pages, with gaps marked', () => {
    const p = pagination(5, 500, 50, href);
    assert.deepEqual(p, {
      previous: { href: '/list?page=4' },
      next: { href: '/list?page=6' },
      items: [
        { number: 1, href: '/list?page=1', current: false },
        { ellipsis: true },
        { number: 4, href: '/list?page=4', current: false },
        { number: 5, href: '/list?page=5', current: true },
        { number: 6, href: '/list?page=6', current: false },
        { ellipsis: true },
        { number: 10, href: '/list?page=10', current: false },
      ],
    });
    assert.equal(pagination(1, 120, 50, href)?.previous, undefined);
  });

  it('says which rows are shown', () => {
    assert.equal(showing(2, 230, 50, 'submissions'), 'Showing 51 to 100 of 230 submissions');
    assert.equal(showing(5, 230, 50, 'submissions'), 'Showing 201 to 230 of 230 submissions');
    assert.equal(showing(1, 0, 50, 'submissions'), 'There are no submissions');
  });
});
