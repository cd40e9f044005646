// Network: the top actors of a window as nodes, their events as edges
// coloured from cooperation (blue) to conflict (red) and weighted by
// count; a node opens its actor, an edge its dyad.
import cytoscape from 'cytoscape';
import { api } from '../api.js';
import { h, link, go, status, field, select, formParams, dataRange, fmtNum, lazyDetails } from '../ui.js';

export const title = () => 'Network';

let cy = null;
export function leave() {
  if (cy) cy.destroy();
  cy = null;
}

// mix returns the colour of an edge from its share of conflict.
function mix(conflictShare) {
  const a = [33, 113, 181], b = [203, 24, 29];
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * conflictShare));
  return `rgb(${c.join(',')})`;
}

export async function render(root, p, signal) {
  if (!p.from || !p.to) {
    root.replaceChildren(status('loading', 'Finding the span of the stored events…'));
    const r = await dataRange(signal);
    if (!r) {
      root.replaceChildren(h('h1', {}, 'Network'), status('empty', 'The store has no dated events yet: ingest some with dyad ingest (see the README).'));
      return;
    }
    go('network', { ...p, from: p.from || r.from, to: p.to || r.to }, true);
    return;
  }
  const kind = p.kind || 'all';
  const min = Math.max(1, Number(p.min) || 1);
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('network', formParams(form)); } },
    field('From', { name: 'from', type: 'date', value: p.from, required: true }),
    field('To', { name: 'to', type: 'date', value: p.to, required: true }),
    field('Actors (top)', { name: 'top', type: 'number', min: 2, max: 500, value: p.top || 50 }),
    field('Edges of at least', { name: 'min', type: 'number', min: 1, value: min }),
    field('Edges drawn (strongest)', { name: 'drawn', type: 'number', min: 1, max: 5000, value: p.drawn || 300 }),
    select('Edges', 'kind', [['all', 'all'], ['coop', 'mostly cooperation'], ['conflict', 'mostly conflict']], kind),
    h('button', { type: 'submit' }, 'Show'));
  root.replaceChildren(h('h1', {}, 'Network'), form);
  const wait = status('loading', 'Loading the network…');
  root.append(wait);
  const net = await api.network({ from: p.from, to: p.to, top: p.top || 50 }, signal);
  wait.remove();
  const edges = net.edges.filter(e => e.events >= min &&
    (kind === 'all' || (kind === 'coop' ? e.cooperation > e.conflict : e.conflict > e.cooperation)));
  // Thousands of edges make a hairball that takes seconds to lay out: the
  // strongest are drawn, all are in the table.
  const maxDrawn = Math.max(1, Number(p.drawn) || 300);
  const drawn = [...edges].sort((x, y) => y.events - x.events).slice(0, maxDrawn);
  if (!net.nodes.length) {
    root.append(status('empty', `No events with two actors from ${p.from} to ${p.to}: widen the window.`));
    return;
  }
  const el = h('div', { class: 'graph', role: 'img', 'aria-label': `Network of ${net.nodes.length} actors and ${edges.length} edges` });
  const maxN = Math.max(...net.nodes.map(n => n.events)), maxE = Math.max(1, ...drawn.map(e => e.events));
  root.append(h('p', {}, `${net.nodes.length} actors, ${edges.length} directed edges from ${p.from} to ${p.to}` +
    (drawn.length < edges.length ? `; the ${drawn.length} strongest are drawn (raise "Edges drawn" for more). ` : '. '),
    h('span', { class: 'muted' }, 'Blue edges are mostly cooperation, red mostly conflict; width counts events. Click a node for its actor, an edge for its dyad.')), el);
  cy = cytoscape({
    container: el,
    elements: [
      ...net.nodes.map(n => ({ data: { id: n.code, label: n.code, title: n.name, events: n.events } })),
      ...drawn.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, events: e.events, coop: e.cooperation, conf: e.conflict, g: e.mean_goldstein } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#4a5a6a', color: '#1d2329', 'text-valign': 'bottom', 'text-margin-y': 3,
        width: n => 12 + 30 * Math.sqrt(n.data('events') / maxN), height: n => 12 + 30 * Math.sqrt(n.data('events') / maxN) } },
      { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, opacity: 0.8,
        width: e => 1 + 7 * (e.data('events') / maxE), 'line-color': e => mix(e.data('conf') / (e.data('coop') + e.data('conf') || 1)),
        'target-arrow-color': e => mix(e.data('conf') / (e.data('coop') + e.data('conf') || 1)) } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f0a020', 'line-color': '#f0a020' } },
    ],
    layout: net.nodes.length > 150 || drawn.length > 1000 ? { name: 'concentric', concentric: n => n.data('events'), animate: false } : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', ev => go('actor', { code: ev.target.id() }));
  cy.on('tap', 'edge', ev => go('dyad', { a: ev.target.data('source'), b: ev.target.data('target'), interval: 'month' }));
  el.dataset.rendered = '1';
  // The edges as a table: links for the keyboard and screen readers.
  const sorted = [...edges].sort((x, y) => y.events - x.events);

  root.append(lazyDetails(`The edges as a table (${sorted.length})`, () =>
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'source'), h('th', {}, 'target'), h('th', { class: 'num' }, 'events'),
      h('th', { class: 'num' }, 'cooperation'), h('th', { class: 'num' }, 'conflict'), h('th', { class: 'num' }, 'mean Goldstein'))),
    h('tbody', {}, sorted.map(e => h('tr', {},
      h('td', {}, h('a', { href: link('actor', { code: e.source }) }, e.source)), h('td', {}, h('a', { href: link('actor', { code: e.target }) }, e.target)),
      h('td', { class: 'num' }, h('a', { href: link('dyad', { a: e.source, b: e.target, interval: 'month' }) }, String(e.events))),
      h('td', { class: 'num' }, String(e.cooperation)), h('td', { class: 'num' }, String(e.conflict)), h('td', { class: 'num' }, fmtNum(e.mean_goldstein))))))));
}
