import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceMetres, distanceToLineMetres, offsetMetres, type LonLat } from '../../../platform/geo/distance.ts';
import { nearestPointOnLine } from './snap.ts';

describe('snapping a point to a street', () => {
  const start: LonLat = [-2.16, 53.41];
  const bend = offsetMetres(start, 200, 0);
  const end = offsetMetres(bend, 0, 150);
  const street: LonLat[] = [start, bend, end];

  it('moves a point beside the street onto its line, square to it', () => {
    const beside = offsetMetres(offsetMetres(start, 80, 0), 0, 9);
    const snapped = nearestPointOnLine(beside, street);
    assert.ok(distanceToLineMetres(snapped, street) < 0.01, 'the snapped point is on the line');
    assert.ok(Math.abs(distanceMetres(beside, snapped) - 9) < 0.05, 'it moved 9 m, straight across');
  });

  it('picks the nearer leg of a bend, and stops at the ends', () => {
    const nearSecondLeg = offsetMetres(offsetMetres(bend, 0, 100), -5, 0);
    assert.ok(distanceMetres(nearestPointOnLine(nearSecondLeg, street), offsetMetres(bend, 0, 100)) < 0.05);
    const pastTheEnd = offsetMetres(end, 0, 40);
    assert.ok(distanceMetres(nearestPointOnLine(pastTheEnd, street), end) < 0.01);
  });
});
