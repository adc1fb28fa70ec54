import type { Gazetteer } from '../../../platform/geo/gazetteer.ts';
import type { AssetLayer } from '../../forms/index.ts';
import type { AssetRegister } from './register.ts';

const NAMES = { streetlights: 'streetlight', gullies: 'drain' } as const;

/** The streetlight and gully layers as the forms engine's `asset` field looks them up (by plate number, without a map). */
export function formsAssetLayers(assets: AssetRegister, gazetteer: Pick<Gazetteer, 'street'>): AssetLayer[] {
  return (['streetlights', 'gullies'] as const).map((layer) => ({
    name: layer,
    assetName: NAMES[layer],
    async find(id) {
      const asset = await assets.find(id, layer);
      if (!asset) return null;
      const street = asset.usrn ? await gazetteer.street(asset.usrn) : null;
      const name = NAMES[layer].charAt(0).toUpperCase() + NAMES[layer].slice(1);
      return { id: asset.id, layer, description: street ? `${name} ${asset.id} on ${street.name}` : `${name} ${asset.id}`, lon: asset.lon, lat: asset.lat, ...(asset.usrn ? { usrn: asset.usrn } : {}) };
    },
  }));
}
