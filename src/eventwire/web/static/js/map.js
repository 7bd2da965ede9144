// The map: Natural Earth country outlines (world-atlas) as a GeoJSON layer and events as circle
// markers. No tile layer: the dashboard loads nothing off-host.

import { el, hashOf } from './dom.js';

let countriesPromise = null;

/** A ring made continuous across the antimeridian (longitudes may leave -180..180). */
function unwrap(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    const prev = i ? ring[i - 1][0] : lon;
    if (lon - prev > 180) shift -= 360;
    else if (prev - lon > 180) shift += 360;
    return [lon + shift, lat];
  });
}

function countries() {
  countriesPromise ??= fetch('/vendor/countries-110m.json')
    .then((r) => r.json())
    .then((topo) => {
      const outlines = window.topojson.feature(topo, topo.objects.countries);
      for (const { geometry } of outlines.features) {
        if (geometry?.type === 'Polygon') geometry.coordinates = geometry.coordinates.map(unwrap);
        if (geometry?.type === 'MultiPolygon') geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrap));
      }
      return outlines;
    });
  return countriesPromise;
}

function tooltip(event) {
  const where = event.location?.name ?? '';
  return el('div', { class: 'marker-tip' },
    el('strong', {}, event.event), ' ', where, event.date ? ` · ${event.date}` : '');
}

function located(events) {
  return events.filter((e) => typeof e.location?.lat === 'number' && typeof e.location?.lon === 'number');
}

/** A Leaflet map of the located `events` in `container`; clicking a marker opens its event. */
export async function eventMap(container, events, colorOf) {
  const L = window.L;
  const shown = located(events);
  const outlines = await countries();
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12 });
  if (shown.length) {
    const bounds = L.latLngBounds(shown.map((e) => [e.location.lat, e.location.lon]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
  } else {
    map.setView([20, 0], 1);
  }
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Leaflet | Natural Earth via world-atlas');
  L.geoJSON(outlines, { interactive: false, style: { className: 'country', weight: 0.6 } }).addTo(map);
  for (const event of shown) {
    const marker = L.circleMarker([event.location.lat, event.location.lon], {
      className: 'ew-marker', radius: 7, weight: 1.5, color: '#222222', fillColor: colorOf(event.event), fillOpacity: 0.85,
    });
    marker.bindTooltip(tooltip(event));
    marker.on('click', () => {
      location.hash = hashOf('event', event.id);
    });
    marker.addTo(map);
  }
  container.dataset.markers = String(shown.length);
  return map;
}
