import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { FormErrors, readForm, text, ticked } from './forms.ts';
import { emailProblem } from '../identity/forms.ts';
import { HttpProblem } from './errors.ts';

describe('reading forms', () => {
  it('reads absent fields as empty and refuses shapes no form sends', () => {
    const schema = z.object({ email: text, roles: ticked });
    assert.deepEqual(readForm(schema, undefined), { email: '', roles: [] });
    assert.deepEqual(readForm(schema, { email: 'a@b.co', roles: 'admin', _csrf: 'x' }), { email: 'a@b.co', roles: ['admin'] });
    for (const body of [{ email: ['a', 'b'] }, { email: { $ne: 1 } }, { email: 'x'.repeat(10_001) }, 'a string', [1, 2]]) {
      assert.throws(() => readForm(schema, body), (e: unknown) => e instanceof HttpProblem && e.statusCode === 400);
    }
  });

  it('feeds the error summary and each field from one list', () => {
    const errors = new FormErrors();
    errors.add('email', 'Enter your email address');
    errors.add('password', 'Enter your password');
    errors.add('email', 'A second problem with the email address');
    const view = errors.view();
    assert.deepEqual(view.errors.map((e) => e.href), ['#email', '#password', '#email']);
    assert.deepEqual(view.fieldErrors, { email: { text: 'Enter your email address' }, password: { text: 'Enter your password' } });
  });

  it('words email problems as GOV.UK does', () => {
    assert.equal(emailProblem(''), 'Enter your email address');
    assert.equal(emailProblem('  ', 'Enter your new email address'), 'Enter your new email address');
    assert.equal(emailProblem('name.example.com'), 'Enter an email address in the correct format, like name@example.com');
    assert.equal(emailProblem(' name@example.com '), undefined);
  });
});
