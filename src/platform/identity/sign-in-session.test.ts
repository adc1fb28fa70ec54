import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeReturnTo } from './sign-in-session.ts';

describe('safeReturnTo', () => {
  it('keeps paths on this site', () => {
    for (const path of ['/account', '/admin/users/123?tab=roles', '/staff#tasks']) assert.equal(safeReturnTo(path), path);
  });

  it('drops anything a browser could take to another site', () => {
    for (const value of ['//evil.example', '/\\evil.example', '/a\\b', 'https://evil.example/', 'evil.example', '/ok path', '/\tx', '/\nx', '', undefined, 42, `/${'a'.repeat(2001)}`]) {
      assert.equal(safeReturnTo(value), undefined, `${String(value)} is refused`);
    }
  });
});
