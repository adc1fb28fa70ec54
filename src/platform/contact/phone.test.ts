import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatUkPhone, isUkMobile, normaliseUkPhone } from './phone.ts';

describe('UK telephone numbers', () => {
  it('accepts the ways people write them and stores E.164', () => {
    const cases: [string, string][] = [
      ['01632 960 001', '+441632960001'],
      ['07700 900 982', '+447700900982'],
      ['07700900982', '+447700900982'],
      ['+44 808 157 0192', '+448081570192'],
      ['+44 (0)808 157 0192', '+448081570192'],
      ['0044 7700 900982', '+447700900982'],
      ['020-7946-0000', '+442079460000'],
      ['(0161) 496 0000', '+441614960000'],
      ['0800 123 456', '+44800123456'],
    ];
    for (const [input, stored] of cases) assert.equal(normaliseUkPhone(input), stored, input);
  });

  it('refuses what cannot be a UK number', () => {
    for (const input of ['', 'phone me', '7700 900982', '07700 90098', '077009009822', '+1 202 555 0100', '00000 000000', '04700 900982', '+44 7700 900982 ext 2']) {
      assert.equal(normaliseUkPhone(input), null, input);
    }
  });

  it('knows a mobile from a landline', () => {
    assert.equal(isUkMobile('+447700900982'), true);
    assert.equal(isUkMobile('+441632960001'), false);
    assert.equal(isUkMobile('+447624900982'), false);
    assert.equal(isUkMobile(null), false);
  });

  it('shows stored numbers as people write them', () => {
    assert.equal(formatUkPhone('+447700900982'), '07700 900982');
    assert.equal(formatUkPhone('+442079460000'), '020 7946 0000');
    assert.equal(formatUkPhone('+441614960000'), '0161 496 0000');
    assert.equal(formatUkPhone('+448081570192'), '0808 157 0192');
    assert.equal(formatUkPhone('+441632960001'), '01632 960001');
  });
});
