// Article: the clean text with the actors, verbs and sentences of its
// events marked, and each event's explanation: the pattern and the
// dictionary entries (file:line) that coded it.
import { api } from '../api.js';
import { h, link, status, actorLink, day, QUADS, fmtNum } from '../ui.js';
import { marked, mentionSpans } from '../highlight.js';

export const title = () => 'Article';

function where(src) {
  return src && src.file ? h('span', { class: 'file' }, `${src.file}:${src.line}`) : '';
}

export async function render(root, p, signal) {
  if (!p.id) {
    root.replaceChildren(h('h1', {}, 'Article'), status('empty', 'No article chosen: open one from Search, Events or a dyad\'s events.'));
    return;
  }
  const v = await api.article(p.id, signal);
  const a = v.article;
  const focus = p.event ? String(p.event) : '';
  const spans = [];
  for (const e of v.events) {
    for (const m of e.mentions || []) {
      if (m.article_id && m.article_id !== a.id) continue;
      const isFocus = String(e.id) === focus;
      spans.push({ start: m.start, end: m.end, cls: isFocus ? 's-event focus' : 's-event', attrs: { 'data-event': String(e.id), title: `${e.code} ${e.label}` } });
      spans.push(...mentionSpans(m));
    }
  }
  const meta = [a.source, a.byline, a.published ? a.published.slice(0, 10) : 'undated', a.language].filter(Boolean).join(' · ');
  const header = [h('h1', {}, a.title || '(untitled)'), h('p', { class: 'muted' }, meta,
    a.url || a.canonical_url ? [' · ', h('span', { class: 'file' }, a.url || a.canonical_url)] : '')];
  if (a.duplicate_of) {
    header.push(status('empty', 'This article is a near-duplicate of ', h('a', { href: link('article', { id: a.duplicate_of }) }, 'another one'),
      ': its events are counted there, not here.'));
  }
  if (v.duplicates && v.duplicates.length) {
    header.push(h('aside', { class: 'dups' }, h('b', {}, `${v.duplicates.length} near-duplicate${v.duplicates.length === 1 ? '' : 's'}, kept apart`),
      ' (their events are counted here, once): ',
      v.duplicates.map((d, i) => [i ? ' · ' : '', h('a', { href: link('article', { id: d.id }) }, d.title || d.url || d.id)])));
  }
  const text = h('div', { class: 'article-text', id: 'article-text' }, marked(a.text, spans));
  const explain = h('section', { 'aria-label': 'Events and their explanations' },
    h('h2', {}, `${v.events.length} event${v.events.length === 1 ? '' : 's'} coded from this article`),
    h('p', { class: 'legend' }, h('span', { class: 'l-event' }, 'event sentence'), h('span', { class: 'l-actor' }, 'actor'), h('span', { class: 'l-verb' }, 'verb')),
    v.events.length ? '' : status('empty', 'No event was coded from this article: no sentence names two actors with an action the dictionaries know.'),
    v.events.map(e => {
      const q = QUADS[(e.quad_class || 1) - 1];
      return h('div', { class: 'explain' + (String(e.id) === focus ? ' focus' : ''), id: 'event-' + e.id, tabindex: -1 },
        h('h3', {}, actorLink(e.source), ' → ', actorLink(e.target), ': ', h('code', {}, e.code), ' ', e.label),
        h('p', {}, day(e) || 'undated', e.date && e.date.text ? ` (“${e.date.text}”)` : '', ' · ',
          h('span', { class: 'q' + e.quad_class }, q.name), ` · Goldstein ${fmtNum(e.goldstein)}`,
          e.plover ? ` · PLOVER ${e.plover.category}` : '', e.modality && e.modality !== 'asserted' ? ` · ${e.modality}` : '',
          e.action_geo ? ` · at ${e.action_geo.full_name}` : '',
          ' · ', h('a', { href: link('dyad', { a: e.source?.code, b: e.target?.code, interval: 'month' }) }, 'dyad →')),
        (e.mentions || []).map(m => h('div', {},
          h('p', {}, h('a', { href: '#', class: 'jump', dataset: { event: String(e.id) }, onclick: ev => { ev.preventDefault(); jump(text, e.id); } }, `${m.section || 'body'}, sentence ${m.sentence}`),
            ': ', h('span', { class: 'muted' }, `“${m.source_span?.text || ''}” … “${m.verb?.text || ''}” … “${m.target_span?.text || ''}”`)),
          h('ul', {}, (m.evidence || []).map(ev => h('li', {}, h('b', {}, ev.role), ': ', h('code', {}, ev.entry), ev.code ? ` [${ev.code}]` : '', ' ', where(ev.source)))))));
    }));
  root.replaceChildren(...header, h('div', { class: 'cols' }, h('section', {}, text), explain));
  if (focus) {
    const mark = text.querySelector('mark.focus');
    if (mark) mark.scrollIntoView({ block: 'center' });
    const box = document.getElementById('event-' + focus);
    if (box) box.focus({ preventScroll: true });
  }
}

function jump(text, id) {
  for (const m of text.querySelectorAll('mark.focus')) m.classList.remove('focus');
  const marks = text.querySelectorAll(`mark[data-event="${id}"]`);
  for (const m of marks) m.classList.add('focus');
  if (marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}
