import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkContact, NO_WAY_TO_CONTACT } from './validation.ts';

function problems(form: { name?: string; email?: string; phone?: string }) {
  const checked = checkContact({ name: '', email: '', phone: '', ...form });
  return checked.ok ? [] : checked.errors.items;
}

describe('contact details for a resident without an account', () => {
  it('needs a name and a way to reach them', () => {
    assert.deepEqual(problems({}), [
      { href: '#name', text: 'Enter their full name' },
      { href: '#email', text: NO_WAY_TO_CONTACT },
    ]);
  });

  it('checks the email address and phone number in GOV.UK words', () => {
    assert.deepEqual(problems({ name: 'Ada', email: 'ada-at-example' }), [{ href: '#email', text: 'Enter an email address in the correct format, like name@example.com' }]);
    assert.deepEqual(problems({ name: 'Ada', phone: '12' }), [{ href: '#phone', text: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' }]);
  });

  it('keeps what was given, the phone number in international form', () => {
    assert.deepEqual(checkContact({ name: ' Ada Lovelace ', email: '', phone: '07700 900982' }), { ok: true, resident: { contact: { name: 'Ada Lovelace', phone: '+447700900982' } } });
    assert.deepEqual(checkContact({ name: 'Ada', email: 'ada@example.org', phone: '' }), { ok: true, resident: { contact: { name: 'Ada', email: 'ada@example.org' } } });
  });
});
