// The "where" step's map: an enhancement over the street search, which works without it.
// Clicking the map fills in the hidden lon/lat fields; clicking an asset fills in its number.
import * as L from '/reports/map/leaflet/leaflet-src.esm.js';

const holder = document.getElementById('report-map');
const lonInput = document.getElementById('lon');
const latInput = document.getElementById('lat');
const assetInput = document.getElementById('assetId');

/** Each status has its own shape and words, so colour is never the only sign. */
const SHAPES = { reportable: '●', in_programme: '■', reported: '▲' };

if (holder && lonInput && latInput) {
  holder.hidden = false;
  const status = document.createElement('p');
  status.className = 'govuk-body';
  status.setAttribute('aria-live', 'polite');
  status.textContent = 'Select a place on the map, or use the search below.';
  holder.before(status);
  const map = L.map(holder).setView([53.41, -2.16], 16);
  L.tileLayer(holder.dataset.tiles, { maxZoom: 19, attribution: '© OpenStreetMap contributors' }).addTo(map);
  let pin;
  const place = (latlng, text) => {
    if (pin) pin.remove();
    pin = L.marker(latlng, { keyboard: false }).addTo(map);
    lonInput.value = String(latlng.lng);
    latInput.value = String(latlng.lat);
    status.textContent = text;
  };
  map.on('click', (event) => {
    if (assetInput) assetInput.value = '';
    place(event.latlng, 'You chose a place on the map. Press Continue.');
  });

  const layerName = holder.dataset.layer;
  if (layerName) {
    const assets = L.layerGroup().addTo(map);
    const load = async () => {
      if (map.getZoom() < 15) return;
      const b = map.getBounds();
      const response = await fetch(`/reports/assets/${layerName}.geojson?bbox=${[b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(',')}`);
      if (!response.ok) return;
      const collection = await response.json();
      assets.clearLayers();
      for (const feature of collection.features) {
        const [lon, lat] = feature.geometry.coordinates;
        const p = feature.properties;
        const icon = L.divIcon({ className: `app-asset app-asset--${p.status}`, html: `<span aria-hidden="true">${SHAPES[p.status] ?? '●'}</span>`, iconSize: [22, 22] });
        const marker = L.marker([lat, lon], { icon, title: `${p.id}: ${p.statusText}` }).addTo(assets);
        marker.on('click', () => {
          if (assetInput) assetInput.value = p.id;
          place(L.latLng(lat, lon), `You chose ${p.id}. ${p.statusText}.${p.status === 'reported' ? ' You can follow that report on the next page.' : ''} Press Continue.`);
        });
      }
    };
    map.on('moveend', () => void load());
    void load();
  }
}
