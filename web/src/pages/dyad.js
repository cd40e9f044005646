// Dyad: two actors' events both ways over time, stacked by QuadClass with
// mean Goldstein; a brushed span (or a period's row) lists its events.
import { api } from '../api.js';
import { h, link, go, status, errorStatus, actorPicker, field, select, formParams, QUADS, fmtNum, lazyDetails } from '../ui.js';
import { quadChart, bucketEnd } from '../charts.js';
import { eventTable } from '../eventlist.js';

export const title = p => (p.a && p.b ? `${p.a} ↔ ${p.b}` : 'Dyad');

let chart = null;
export function leave() {
  if (chart) chart.dispose();
  chart = null;
}

export async function render(root, p, signal) {
  const interval = p.interval || 'week';
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('dyad', formParams(form)); } },
    actorPicker('a', 'Actor A', p.a), actorPicker('b', 'Actor B', p.b),
    select('Interval', 'interval', [['day', 'day'], ['week', 'week'], ['month', 'month']], interval),
    field('From', { name: 'from', type: 'date', value: p.from || '' }),
    field('To', { name: 'to', type: 'date', value: p.to || '' }),
    h('button', { type: 'submit' }, 'Show'));
  form.elements.interval.addEventListener('change', () => form.requestSubmit());
  root.replaceChildren(h('h1', {}, 'Dyad ', p.a && p.b ? `${p.a} ↔ ${p.b}` : ''), form);
  if (!p.a || !p.b) {
    root.append(status('empty', 'Pick two actors (type a name, such as "Islamic Army", or a code, such as IRQREB, and choose from the list), then Show. For example ',
      h('a', { href: link('dyad', { a: 'IRQREB', b: 'IMGMUSALQ', interval: 'month' }) }, 'the Islamic Army in Iraq and al-Qaeda'), '.'));
    form.elements.a.focus();
    return;
  }
  const wait = status('loading', `Loading ${p.a} ↔ ${p.b} by ${interval}…`);
  root.append(wait);
  const s = await api.dyad(p.a, p.b, { interval, from: p.from, to: p.to }, signal);
  wait.remove();
  const total = pts => pts.reduce((n, x) => n + x.events, 0);
  const nAB = total(s.a_to_b), nBA = total(s.b_to_a);
  if (nAB + nBA === 0) {
    root.append(status('empty', `No events between ${p.a} and ${p.b}` + (p.from || p.to ? ' in this window: widen From and To.' : ': check the codes (the list under each field shows the actors the store knows), or look at ')
      , p.from || p.to ? '' : h('a', { href: link('actor', { code: p.a }) }, p.a + "'s partners"), p.from || p.to ? '' : '.'));
    return;
  }
  const mean = pts => {
    const n = total(pts);
    return n ? pts.reduce((g, x) => g + x.mean_goldstein * x.events, 0) / n : NaN;
  };
  const quadSum = pts => [0, 1, 2, 3].map(q => pts.reduce((n, x) => n + x.quad[q], 0));
  const line = (from, to, pts) => h('div', { class: 'dir', dataset: { dir: from + '>' + to } },
    h('b', {}, String(total(pts))), ` events ${from} → ${to}: `,
    quadSum(pts).map((n, i) => h('span', { class: 'q' + (i + 1) }, `${n} ${QUADS[i].short} `)),
    `· mean Goldstein ${fmtNum(mean(pts))}`);
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': `Events ${p.a} to ${p.b} and back by ${interval}, stacked by QuadClass` });
  const list = h('section', { 'aria-live': 'polite' });
  root.append(
    h('div', { class: 'summary' }, line(p.a, p.b, s.a_to_b), line(p.b, p.a, s.b_to_a),
      h('a', { href: link('events', { dyad: `${p.a},${p.b}`, from: p.from, to: p.to }) }, 'all these events →')),
    h('p', { class: 'muted' }, 'Bars count events by QuadClass (left axis); the line is their mean Goldstein score, from -10 to 10 (right axis). Drag across the chart to list the events of a span, or click a bar; the table below the chart does the same from the keyboard.'),
    el, list);
  let xs = [];
  const showSpan = (from, to) => {
    go('dyad', { ...p, span: `${from}..${to}` }, true);
  };
  chart = quadChart(el, [
    { label: `${p.a} → ${p.b}`, points: s.a_to_b },
    { label: `${p.b} → ${p.a}`, points: s.b_to_a },
  ], interval, (i0, i1) => showSpan(xs[i0], bucketEnd(xs[i1], interval)));
  xs = chart.xs;
  // The periods, as a table: the chart's numbers for the keyboard and
  // screen readers.
  const byStart = (pts) => new Map(pts.map(x => [x.start.slice(0, 10), x]));
  const ab = byStart(s.a_to_b), ba = byStart(s.b_to_a);
  const withEvents = xs.filter(d => ab.has(d) || ba.has(d));
  const rows = () => withEvents.map(d => {
    const cells = pt => pt ? [h('td', { class: 'num' }, pt.quad.join(' / ')), h('td', { class: 'num' }, fmtNum(pt.mean_goldstein))] : [h('td', { class: 'num muted' }, '–'), h('td', {})];
    return h('tr', {}, h('td', {}, d), ...cells(ab.get(d)), ...cells(ba.get(d)),
      h('td', {}, h('button', { class: 'plain', type: 'button', onclick: () => showSpan(d, bucketEnd(d, interval)) }, 'list events')));
  });
  root.append(lazyDetails(`The chart as a table (${withEvents.length} ${interval}s with events)`, () =>
    h('table', { class: 'periods' }, h('thead', {}, h('tr', {}, h('th', {}, interval), h('th', { class: 'num' }, `${p.a}→${p.b} by QuadClass 1/2/3/4`), h('th', { class: 'num' }, 'Goldstein'),
      h('th', { class: 'num' }, `${p.b}→${p.a} by QuadClass 1/2/3/4`), h('th', { class: 'num' }, 'Goldstein'), h('th', {}, ''))), h('tbody', {}, rows()))));

  if (p.span) {
    const [from, to] = p.span.split('..');
    list.append(h('h2', {}, `Events ${from} to ${to}`), status('loading', 'Loading the events of this span…'));
    try {
      const page = await api.events({ dyad: `${p.a},${p.b}`, from, to, sort: 'date', limit: 1000 }, signal);
      list.lastChild.remove();
      if (!page.events.length) {
        list.append(status('empty', 'No dated events in this span; events without a day are not placed on the chart.'));
      } else {
        list.append(h('p', {}, `${page.events.length}${page.next ? '+' : ''} events · `,
          h('a', { href: link('events', { dyad: `${p.a},${p.b}`, from, to }) }, 'open in Events to filter and export →')),
          eventTable(page.events));
      }
    } catch (err) {
      if (err.name === 'AbortError') throw err;
      list.lastChild.remove();
      list.append(errorStatus(err));
    }
    list.scrollIntoView({ block: 'nearest' });
  }
}
