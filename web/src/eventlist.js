// A table of events: each row opens its sentence (click or Enter), which
// links to the article with the event in focus.
import { h, link, day, actorLink, QUADS, fmtNum } from './ui.js';
import { sentence } from './highlight.js';

// sortable columns map to the API's sort values [ascending, descending].
export const SORTS = { date: ['date', '-date'], goldstein: ['goldstein', '-goldstein'], mentions: [null, '-mentions'] };

// eventTable renders events; onSort(sort) is called by sortable headers
// when given, with the current sort.
export function eventTable(events, { sort, onSort } = {}) {
  const head = (label, key, cls) => {
    if (!onSort || !SORTS[key]) return h('th', { class: cls, scope: 'col' }, label);
    const [asc, desc] = SORTS[key];
    const active = sort === asc || sort === desc;
    const next = sort === desc && asc ? asc : desc;
    return h('th', { class: cls, scope: 'col', 'aria-sort': active ? (sort === asc ? 'ascending' : 'descending') : 'none' },
      h('button', { class: 'sort' + (sort === asc ? ' asc' : ''), 'aria-pressed': String(active), onclick: () => onSort(next), title: 'Sort by ' + label }, label));
  };
  const body = h('tbody');
  // Rows are wired by delegation: one listener for thousands of rows.
  const rows = events.map((e, i) => {
    const q = QUADS[(e.quad_class || 1) - 1];
    const tr = h('tr', { class: 'ev', tabindex: 0, dataset: { i: String(i), id: String(e.id) } },
      h('td', {}, day(e) || h('span', { class: 'muted' }, 'undated')),
      h('td', {}, actorLink(e.source)),
      h('td', {}, actorLink(e.target)),
      h('td', {}, h('code', {}, e.code), ' ', e.label || ''),
      h('td', { class: 'q' + e.quad_class }, q ? q.short : ''),
      h('td', { class: 'num' }, fmtNum(e.goldstein)),
      h('td', {}, e.plover ? e.plover.category : ''),
      h('td', { class: 'num' }, String(e.num_mentions || (e.mentions || []).length)),
      h('td', { class: 'text' }, clip((e.mentions && e.mentions[0] && e.mentions[0].text) || '', 140)));
    return tr;
  });
  body.append(...rows);
  const open = tr => {
    const next = tr.nextElementSibling;
    if (next && next.classList.contains('detail')) { next.remove(); tr.setAttribute('aria-expanded', 'false'); return; }
    const e = events[Number(tr.dataset.i)];
    const cell = h('td', { colspan: 9 });
    for (const m of e.mentions || []) {
      cell.append(sentence(m), h('p', { class: 'muted' },
        `${m.section || 'body'}, sentence ${m.sentence} · ${m.pattern || m.rule || ''} · `,
        h('a', { href: link('article', { id: m.article_id, event: e.id }) }, 'read it in the article →')));
    }
    tr.after(h('tr', { class: 'detail' }, cell));
    tr.setAttribute('aria-expanded', 'true');
  };
  body.addEventListener('click', ev => {
    if (ev.target.closest('a')) return;
    const tr = ev.target.closest('tr.ev');
    if (tr) open(tr);
  });
  body.addEventListener('keydown', ev => {
    const tr = ev.target.closest && ev.target.closest('tr.ev');
    if (!tr || ev.target !== tr) return;
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(tr); }
    else if (ev.key === 'ArrowDown' || ev.key === 'j') { ev.preventDefault(); nextRow(tr, 1)?.focus(); }
    else if (ev.key === 'ArrowUp' || ev.key === 'k') { ev.preventDefault(); nextRow(tr, -1)?.focus(); }
  });
  return h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, head('Date', 'date'), h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Target'),
      h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'QuadClass'), head('Goldstein', 'goldstein', 'num'),
      h('th', { scope: 'col' }, 'PLOVER'), head('Mentions', 'mentions', 'num'), h('th', { scope: 'col' }, 'Sentence'))),
    body);
}

function nextRow(tr, dir) {
  let r = dir > 0 ? tr.nextElementSibling : tr.previousElementSibling;
  while (r && !r.classList.contains('ev')) r = dir > 0 ? r.nextElementSibling : r.previousElementSibling;
  return r;
}

export function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
