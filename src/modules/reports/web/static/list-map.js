// Maps that enhance pages which work without them: the public list's map of the reports it lists,
// and the email alert form's "choose a place" map. Styles are set through the DOM (never style
// attributes in markup), which the content security policy allows.
import * as L from '/reports/map/leaflet/leaflet-src.esm.js';

const BOROUGH = [53.41, -2.16];
const ATTRIBUTION = '© OpenStreetMap contributors';

/** Each status has its own shape and words, so colour is never the only sign. */
const MARKERS = {
  open: { shape: '●', colour: '#1d70b8', round: true },
  in_progress: { shape: '▲', colour: '#b58800', round: true },
  fixed: { shape: '✓', colour: '#00703c', round: false },
  closed: { shape: '✕', colour: '#505a5f', round: false },
};

function statusLine(holder, text) {
  const line = document.createElement('p');
  line.className = 'govuk-body';
  line.setAttribute('aria-live', 'polite');
  line.textContent = text;
  holder.before(line);
  return line;
}

function markerIcon(status) {
  const look = MARKERS[status] ?? MARKERS.open;
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = look.shape;
  Object.assign(mark.style, { display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%', fontSize: '16px', lineHeight: '1', color: look.colour, background: '#fff', border: `2px solid ${look.colour}`, borderRadius: look.round ? '50%' : '0', boxSizing: 'border-box' });
  return L.divIcon({ className: '', html: mark, iconSize: [24, 24] });
}

function popup(p) {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.className = 'govuk-link';
  link.href = p.url;
  link.textContent = `${p.category} ${p.reference}`;
  const where = document.createElement('p');
  where.className = 'govuk-body-s govuk-!-margin-0';
  const reported = new Date(p.reported).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  where.textContent = [p.statusText, p.street, `Date reported: ${reported}`].filter(Boolean).join('. ');
  box.append(link, where);
  return box;
}

async function listMap(holder) {
  const response = await fetch(holder.dataset.source, { headers: { accept: 'application/geo+json' } });
  if (!response.ok) return;
  const collection = await response.json();
  if (!collection.features.length) return;
  holder.hidden = false;
  holder.setAttribute('role', 'region');
  holder.setAttribute('aria-label', 'Map of the reports listed');
  const shown = collection.truncated ? `the newest ${Number(holder.dataset.most).toLocaleString('en-GB')}` : String(collection.features.length);
  statusLine(holder, `The map shows ${shown} of the reports matching your filters. Select a marker to see its report. The table below lists them too.`);
  const map = L.map(holder).setView(BOROUGH, 12);
  L.tileLayer(holder.dataset.tiles, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
  const points = [];
  for (const feature of collection.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    points.push([lat, lon]);
    L.marker([lat, lon], { icon: markerIcon(p.status), title: `${p.reference}: ${p.category}, ${p.statusText}`, alt: `${p.reference}: ${p.category}, ${p.statusText}` })
      .bindPopup(() => popup(p))
      .addTo(map);
  }
  map.fitBounds(L.latLngBounds(points), { maxZoom: 17, padding: [24, 24] });
}

function alertMap(holder) {
  const lonInput = document.getElementById('lon');
  const latInput = document.getElementById('lat');
  if (!lonInput || !latInput) return;
  holder.hidden = false;
  holder.setAttribute('role', 'region');
  holder.setAttribute('aria-label', 'Map to choose a place');
  const status = statusLine(holder, 'Select a place on the map, or enter a street or postcode below.');
  const map = L.map(holder).setView(BOROUGH, 13);
  L.tileLayer(holder.dataset.tiles, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
  const radius = () => Number(document.querySelector('input[name="radius"]:checked')?.value ?? 500);
  let circle;
  map.on('click', (event) => {
    lonInput.value = String(event.latlng.lng);
    latInput.value = String(event.latlng.lat);
    if (circle) circle.remove();
    circle = L.circle(event.latlng, { radius: radius() }).addTo(map);
    const near = document.querySelector('input[name="area"][value="near"]');
    if (near) near.checked = true;
    status.textContent = 'You chose a place on the map. Choose how far from it, then press Continue.';
  });
  for (const input of document.querySelectorAll('input[name="radius"]')) input.addEventListener('change', () => circle?.setRadius(radius()));
}

const list = document.getElementById('list-map');
if (list) void listMap(list);
const chooser = document.getElementById('alert-map');
if (chooser) alertMap(chooser);
