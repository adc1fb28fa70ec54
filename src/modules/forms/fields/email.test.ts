import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('email field', () => {
  const email = makeField({ type: 'email', name: 'email', label: 'Email address', shortName: 'your email address' });

  it('takes an address with one @ and a domain with a dot', async () => {
    const { value, errors } = await submit(email, { email: ' sam@example.org ' });
    assert.equal(value, 'sam@example.org');
    assert.deepEqual(errors, []);
  });

  it('refuses what cannot be an address', async () => {
    assert.deepEqual((await submit(email, {})).errors, ['Enter your email address']);
    for (const bad of ['sam', 'sam@example', 'sam@@example.org', 'sam @example.org']) {
      assert.deepEqual((await submit(email, { email: bad })).errors, ['Enter an email address in the correct format, like name@example.com'], bad);
    }
  });

  it('is an email input with autocomplete', () => {
    const view = email.view('sam@example.org', [], { asHeading: false });
    assert.equal(view.params.type, 'email');
    assert.equal(view.params.autocomplete, 'email');
  });
});
