// Map: events drawn where they happened (their action_geo), clustered,
// over Natural Earth's country shapes (world-atlas, bundled: no tile
// server, so it works offline). Clicking an event opens its article.
import L from '../leaflet.js';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { h, link, go, status, field, actorPicker, formParams, day, QUADS } from '../ui.js';

export const title = () => 'Map';

const MAX = 10000;
let map = null;
export function leave() {
  if (map) map.remove();
  map = null;
}

let countries = null;

export async function render(root, p, signal) {
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('map', formParams(form)); } },
    actorPicker('actor', 'Actor (code prefix)', p.actor),
    field('From', { name: 'from', type: 'date', value: p.from || '' }),
    field('To', { name: 'to', type: 'date', value: p.to || '' }),
    h('button', { type: 'submit' }, 'Show'));
  root.replaceChildren(h('h1', {}, 'Map'), form);
  const params = {};
  for (const k of ['actor', 'from', 'to']) if (p[k]) params[k] = p[k];
  const prog = h('progress', { max: MAX, value: 0 });
  const wait = status('loading', 'Loading events… ', prog);
  root.append(wait);
  const events = [];
  let cursor;
  do {
    const page = await api.events({ ...params, sort: 'date', limit: 1000, cursor }, signal);
    events.push(...page.events);
    cursor = page.next;
    prog.value = events.length;
  } while (cursor && events.length < MAX);
  wait.remove();
  const placed = events.filter(e => e.action_geo && Number.isFinite(e.action_geo.lat) && Number.isFinite(e.action_geo.long));
  if (!events.length) {
    root.append(status('empty', Object.keys(params).length ? 'No events match: widen the dates or clear the actor.' : 'The store has no events yet.'));
    return;
  }
  root.append(h('p', {}, `${placed.length} of ${events.length} events have a place` + (cursor ? ` (the first ${MAX} of the window; narrow it to see the rest)` : '') + '. ',
    h('span', { class: 'muted' }, 'Numbers are clusters: click one to zoom; click an event to open its article.')));
  const el = h('div', { class: 'mapbox', id: 'map' });
  root.append(el);
  map = L.map(el, { maxZoom: 10, minZoom: 1, worldCopyJump: true, preferCanvas: true, attributionControl: true }).setView([25, 20], 2);
  map.attributionControl.setPrefix('').addAttribution('Shapes: Natural Earth via world-atlas');
  countries ??= feature(world, world.objects.countries);
  L.geoJSON(countries, { style: { color: '#8fa3b5', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 }, interactive: false }).addTo(map);
  const cluster = L.markerClusterGroup({ chunkedLoading: true, disableClusteringAtZoom: 9, showCoverageOnHover: false, maxClusterRadius: 45 });
  const markers = placed.map(e => {
    const g = e.action_geo;
    const q = QUADS[(e.quad_class || 1) - 1];
    const m = L.marker([g.lat, g.long], {
      keyboard: true, title: `${e.source?.code || '?'} → ${e.target?.code || '?'}: ${e.label} (${g.full_name}, ${day(e)})`,
      icon: L.divIcon({ className: 'ev-pin', html: `<span style="background:${q.color}"></span>`, iconSize: [14, 14] }),
    });
    const art = (e.mentions && e.mentions[0] && e.mentions[0].article_id) || e.article_id;
    m.on('click', () => { location.hash = link('article', { id: art, event: e.id }).slice(1); });
    m.on('keypress', ev => { if (ev.originalEvent.key === 'Enter') location.hash = link('article', { id: art, event: e.id }).slice(1); });
    return m;
  });
  cluster.addLayers(markers);
  map.addLayer(cluster);
  if (placed.length) map.fitBounds(L.latLngBounds(placed.map(e => [e.action_geo.lat, e.action_geo.long])).pad(0.3), { maxZoom: 7 });
  el.dataset.rendered = '1';
}
