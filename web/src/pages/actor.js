// Actor: its names and codes, partners with cooperation vs conflict, and
// its timeline.
import { api } from '../api.js';
import { h, link, go, status, actorPicker, select, formParams, QUADS } from '../ui.js';
import { quadChart } from '../charts.js';

export const title = p => p.code || 'Actor';

let chart = null;
export function leave() {
  if (chart) chart.dispose();
  chart = null;
}

export async function render(root, p, signal) {
  const interval = p.interval || 'month';
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('actor', formParams(form)); } },
    actorPicker('code', 'Actor', p.code),
    select('Interval', 'interval', [['day', 'day'], ['week', 'week'], ['month', 'month']], interval),
    h('button', { type: 'submit' }, 'Show'));
  root.replaceChildren(h('h1', {}, 'Actor ', p.code || ''), form);
  if (!p.code) {
    root.append(status('empty', 'Type an actor\'s name or code and choose it from the list; for example ', h('a', { href: link('actor', { code: 'IRQREB' }) }, 'IRQREB'), '.'));
    form.elements.code.focus();
    return;
  }
  const wait = status('loading', `Loading ${p.code}…`);
  root.append(wait);
  const v = await api.actor(p.code, { interval, partners: 50 }, signal);
  wait.remove();
  const a = v.actor || {};
  const parts = [['country', a.country], ['known group', a.known_group], ['types', (a.types || []).join(', ')], ['religions', (a.religions || []).join(', ')], ['ethnicity', a.ethnic]]
    .filter(([, x]) => x);
  root.append(
    h('div', { class: 'summary' },
      h('div', {}, h('b', {}, String(v.events)), ' events'),
      ...v.quad.map((n, i) => h('div', { class: 'q' + (i + 1) }, h('b', {}, String(n)), ' ' + QUADS[i].name)),
      ...parts.map(([k, x]) => h('div', {}, k + ': ', h('code', {}, x)))),
    h('p', {}, 'Named in the text as: ', (v.names || []).map((n, i) => [i ? '; ' : '', h('q', {}, n)])),
    h('p', {}, h('a', { href: link('events', { actor: p.code }) }, 'all its events →'), ' · ', h('a', { href: link('map', { actor: p.code }) }, 'on the map →')));
  if (!v.events) {
    root.append(status('empty', `The store has no events of ${p.code}.`));
    return;
  }
  const cols = h('div', { class: 'cols' });
  const el = h('div', { class: 'chart', style: 'height:320px' });
  const rows = v.partners.map(pt => {
    const n = pt.quad.reduce((x, y) => x + y, 0) || 1;
    const coop = pt.quad[0] + pt.quad[1], conf = pt.quad[2] + pt.quad[3];
    return h('tr', {},
      h('td', {}, h('a', { href: link('actor', { code: pt.code }) }, pt.code)),
      h('td', { class: 'num' }, String(pt.as_source)), h('td', { class: 'num' }, String(pt.as_target)),
      h('td', { class: 'num' }, String(coop)), h('td', { class: 'num' }, String(conf)),
      h('td', {}, h('span', { class: 'bar', title: `${coop} cooperation, ${conf} conflict` },
        ...pt.quad.map((c, i) => h('i', { style: `width:${(100 * c) / n}%;background:${QUADS[i].color}` })))),
      h('td', {}, h('a', { href: link('dyad', { a: p.code, b: pt.code, interval }) }, 'dyad →')));
  });
  cols.append(
    h('section', {}, h('h2', {}, 'Timeline'), el),
    h('section', {}, h('h2', {}, 'Partners'), rows.length ? h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'partner'), h('th', { class: 'num' }, p.code + ' → it'), h('th', { class: 'num' }, 'it → ' + p.code),
        h('th', { class: 'num' }, 'coop.'), h('th', { class: 'num' }, 'conflict'), h('th', {}, 'by QuadClass'), h('th', {}, ''))),
      h('tbody', {}, rows)) : status('empty', 'No partner: its events have no other actor.')));
  root.append(cols);
  chart = quadChart(el, [{ label: `${p.code}, as source or target`, points: v.timeline }], interval,
    null);
}
