import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { sign, verify } from './signature.ts';

describe('webhook signatures', () => {
  const body = JSON.stringify({ reference: 'BX7K-9M2Q-T' });
  const at = new Date('2026-06-04T14:15:00Z');

  it('signs "t.body" with HMAC-SHA256, as the receivers’ guide says', () => {
    const header = sign('s3cret', body, at);
    const t = Math.floor(at.getTime() / 1000);
    assert.equal(header, `t=${t},v1=${createHmac('sha256', 's3cret').update(`${t}.${body}`).digest('hex')}`);
  });

  it('accepts its own signature and refuses a changed body, another secret or an old timestamp', () => {
    const header = sign('s3cret', body, at);
    assert.equal(verify('s3cret', body, header, 300, at), true);
    assert.equal(verify('s3cret', `${body} `, header, 300, at), false);
    assert.equal(verify('other', body, header, 300, at), false);
    assert.equal(verify('s3cret', body, header, 300, new Date(at.getTime() + 301_000)), false);
    assert.equal(verify('s3cret', body, 'v1=abc', 300, at), false);
    assert.equal(verify('s3cret', body, '', 300, at), false);
  });
});
