import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeField, submit } from '../testing.ts';

describe('asset field', () => {
  const light = makeField({ type: 'asset', name: 'light', label: 'Which streetlight?', layer: 'streetlights', assetName: 'streetlight' });

  it('finds the asset by its number on the layer', async () => {
    const { value, errors } = await submit(light, { lightAssetId: 'sl123' });
    assert.deepEqual(errors, []);
    assert.deepEqual(value, { layer: 'streetlights', assetId: 'SL123', street: null, description: 'Streetlight SL123 on Mersey Road', lon: -2.2001, lat: 53.4101 });
    assert.deepEqual(light.summary(value), ['Streetlight SL123', 'Streetlight SL123 on Mersey Road']);
  });

  it('says when the number is not on the layer', async () => {
    assert.deepEqual((await submit(light, { lightAssetId: 'SL999' })).errors, ['We could not find streetlight SL999 – check the number, or leave it blank and find the street instead']);
  });

  it('takes the nearest street and a description instead of a number', async () => {
    const { value, errors } = await submit(light, { lightStreetStep: 'choose', lightStreetQuery: 'road', lightStreetUsrn: '7000001', lightDescription: 'Opposite the school' });
    assert.deepEqual(errors, []);
    assert.equal((value as { assetId: string | null }).assetId, null);
    assert.equal((value as { description: string }).description, 'Opposite the school');
  });

  it('asks for a number or a street when given neither', async () => {
    assert.deepEqual((await submit(light, {})).errors, ['Enter the streetlight number, or find the street']);
  });

  it('finds nothing on a layer no module has added', async () => {
    const gully = makeField({ type: 'asset', name: 'gully', label: 'Which drain?', layer: 'gullies', assetName: 'drain' });
    assert.deepEqual((await submit(gully, { gullyAssetId: 'G1' })).errors, ['We could not find drain G1 – check the number, or leave it blank and find the street instead']);
  });
});
