// Events: a filterable, sortable table, exported (CSV, JSON Lines, GDELT
// TSV) exactly as shown: the same filters and order, as many rows.
import { api } from '../api.js';
import { h, go, status, errorStatus, actorPicker, field, select, formParams, QUADS } from '../ui.js';
import { eventTable } from '../eventlist.js';

export const title = () => 'Events';

// FILTERS are the API's event filters the page carries in its address.
const FILTERS = ['actor', 'actor_name', 'source', 'target', 'dyad', 'direction', 'code', 'root', 'quad_class', 'plover', 'from', 'to', 'q', 'article'];
const PAGE = 500;

export async function render(root, p, signal) {
  const params = {};
  for (const k of FILTERS) if (p[k]) params[k] = p[k];
  const sort = p.sort || 'date';
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('events', { ...formParams(form), sort }); } },
    actorPicker('actor', 'Actor (code prefix)', p.actor),
    field('Dyad (A,B)', { name: 'dyad', value: p.dyad || '', placeholder: 'IRQREB,IMGMUSALQ', size: 20 }),
    field('CAMEO code', { name: 'code', value: p.code || '', size: 5, placeholder: '19, 0356' }),
    select('QuadClass', 'quad_class', [['', 'any'], ...QUADS.map(q => [q.n, q.name])], p.quad_class),
    field('PLOVER', { name: 'plover', value: p.plover || '', size: 10, placeholder: 'ASSAULT' }),
    field('From', { name: 'from', type: 'date', value: p.from || '' }),
    field('To', { name: 'to', type: 'date', value: p.to || '' }),
    field('Words in the article', { name: 'q', value: p.q || '', size: 14 }),
    ...['actor_name', 'source', 'target', 'direction', 'root', 'article'].filter(k => p[k]).map(k => h('input', { type: 'hidden', name: k, value: p[k] })),
    h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'plain', onclick: () => go('events', {}) }, 'Clear'));
  root.replaceChildren(h('h1', {}, 'Events'), form);
  const info = h('p', { 'aria-live': 'polite' });
  const exports = h('p', { class: 'exports' });
  const holder = h('div', {});
  const more = h('p', {});
  root.append(info, exports, holder, more);
  const events = [];
  let cursor = null;
  const draw = () => {
    holder.replaceChildren(eventTable(events, { sort, onSort: s => go('events', { ...params, sort: s }) }));
    const n = events.length;
    info.replaceChildren(`${n} event${n === 1 ? '' : 's'} shown` + (cursor ? ', more match' : ', all that match') + ` · sorted by ${sort}`);
    exports.replaceChildren('Export these ' + n + ': ',
      ...[['csv', 'CSV'], ['jsonl', 'JSON Lines'], ['tsv', 'GDELT TSV']].map(([f, name]) =>
        h('a', { href: api.exportURL({ ...params, sort }, f, Math.max(1, n)), download: `dyad-events.${f}`, 'data-format': f }, name)));
    more.replaceChildren(cursor ? h('button', { type: 'button', class: 'plain', onclick: loadMore }, `Show ${PAGE} more`) : '');
  };
  const loadMore = async () => {
    more.replaceChildren(status('loading', `Loading events ${events.length + 1}–${events.length + PAGE}…`));
    try {
      const page = await api.events({ ...params, sort, limit: PAGE, cursor }, signal);
      events.push(...page.events);
      cursor = page.next || null;
      draw();
    } catch (err) {
      if (err.name === 'AbortError') return;
      more.replaceChildren(errorStatus(err));
    }
  };
  holder.append(status('loading', 'Loading events…'));
  const first = await api.events({ ...params, sort, limit: PAGE }, signal);
  events.push(...first.events);
  cursor = first.next || null;
  if (!events.length) {
    holder.replaceChildren(status('empty', Object.keys(params).length
      ? 'No event matches all these filters (they combine with AND): remove one, or widen the dates.'
      : 'The store has no events yet: ingest some with dyad ingest (see the README).'));
    return;
  }
  draw();
}
