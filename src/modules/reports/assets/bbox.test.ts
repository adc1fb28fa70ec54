import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseBbox, parseLimit } from './bbox.ts';

describe('a map’s bounding box', () => {
  it('reads minLon,minLat,maxLon,maxLat', () => {
    assert.deepEqual(parseBbox('-2.17,53.40,-2.15,53.41'), { ok: true, value: [-2.17, 53.4, -2.15, 53.41] });
    assert.deepEqual(parseBbox(' -2.17, 53.40 ,-2.15,53.41'), { ok: true, value: [-2.17, 53.4, -2.15, 53.41] });
  });

  it('refuses what is not four numbers', () => {
    for (const bad of [undefined, '', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '-2.17,53.40,-2.15,', '1e3,1,2,3', 'Infinity,1,2,3', '0x1,1,2,3']) {
      const parsed = parseBbox(bad);
      assert.equal(parsed.ok, false, String(bad));
    }
  });

  it('refuses boxes that are off the earth, inside out, or bigger than a town', () => {
    assert.match(errorOf(parseBbox('-200,53.40,-2.15,53.41')), /between -180 and 180/);
    assert.match(errorOf(parseBbox('-2.15,53.40,-2.17,53.41')), /minimums must be less/);
    assert.match(errorOf(parseBbox('-2.40,53.30,-2.00,53.50')), /too big/);
  });

  it('takes a limit from 1 to 2000, 1000 when not given', () => {
    assert.deepEqual(parseLimit(undefined), { ok: true, value: 1000 });
    assert.deepEqual(parseLimit('50'), { ok: true, value: 50 });
    for (const bad of ['0', '2001', '-1', '1.5', 'ten']) assert.equal(parseLimit(bad).ok, false, bad);
  });
});

function errorOf(parsed: { ok: boolean; error?: string }): string {
  return parsed.error ?? '';
}
