// Search: full text over the articles, with the events of each hit.
import { api } from '../api.js';
import { h, link, go, status, field, formParams, day, QUADS } from '../ui.js';

export const title = p => (p.q ? `Search: ${p.q}` : 'Search');

// snippet renders the API's snippet, whose matched words are in [brackets].
function snippet(s) {
  return s.split(/(\[[^\]]*\])/).map(part => (part.startsWith('[') && part.endsWith(']') ? h('mark', {}, part.slice(1, -1)) : part));
}

export async function render(root, p, signal) {
  const form = h('form', { class: 'filters', onsubmit: ev => { ev.preventDefault(); go('search', formParams(form)); } },
    field('Words (all must occur)', { name: 'q', type: 'search', value: p.q || '', size: 40 }),
    h('button', { type: 'submit' }, 'Search'));
  root.replaceChildren(h('h1', {}, 'Search'), form);
  if (!p.q) {
    root.append(status('empty', 'Type words to find the articles that contain all of them (stemmed: "clash" finds "clashes").'));
    form.elements.q.focus();
    return;
  }
  const offset = Number(p.offset) || 0;
  const wait = status('loading', `Searching for ${p.q}…`);
  root.append(wait);
  const r = await api.search({ q: p.q, limit: 20, offset }, signal);
  wait.remove();
  if (!r.hits.length) {
    root.append(status('empty', offset ? 'No more hits.' : `No article contains all of: ${p.q}. Try fewer words.`));
    return;
  }
  root.append(h('p', {}, `Hits ${offset + 1}–${offset + r.hits.length}, best first · `, h('a', { href: link('events', { q: p.q }) }, 'their events in Events →')));
  for (const hit of r.hits) {
    root.append(h('article', { class: 'hit' },
      h('h2', {}, h('a', { href: link('article', { id: hit.article_id }) }, hit.title || '(untitled)')),
      h('p', { class: 'muted' }, hit.published ? hit.published.slice(0, 10) : 'undated', hit.url ? ' · ' + hit.url : ''),
      h('p', { class: 'snippet' }, snippet(hit.snippet || '')),
      hit.events.length ? h('ul', {}, hit.events.map(e => h('li', {},
        day(e) + ' ', h('b', {}, e.source?.code || '?'), ' → ', h('b', {}, e.target?.code || '?'), ': ',
        h('a', { href: link('article', { id: hit.article_id, event: e.id }) }, `${e.code} ${e.label}`), ' ',
        h('span', { class: 'q' + e.quad_class }, `(${QUADS[e.quad_class - 1]?.short || ''})`))))
        : h('p', { class: 'muted' }, 'No event was coded from this article.')));
  }
  if (r.hits.length === 20) root.append(h('p', {}, h('a', { href: link('search', { q: p.q, offset: offset + 20 }) }, 'next hits →')));
}
