// Marking spans of text given by byte offsets (the API's offsets count
// UTF-8 bytes; JavaScript strings count UTF-16 units).
import { h } from './ui.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

// marked returns a fragment of text with each span {start, end, cls,
// attrs} (byte offsets relative to base) wrapped in <mark>; overlapping
// spans nest their classes on the pieces they share.
export function marked(text, spans, base = 0) {
  const bytes = enc.encode(text);
  const cuts = new Set([0, bytes.length]);
  const ok = [];
  for (const s of spans) {
    const a = s.start - base, b = s.end - base;
    if (!(a >= 0 && b <= bytes.length && a < b)) continue;
    cuts.add(a); cuts.add(b);
    ok.push({ ...s, a, b });
  }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = dec.decode(bytes.subarray(a, b));
    const over = ok.filter(s => s.a <= a && s.b >= b);
    if (!over.length) { frag.append(piece); continue; }
    const attrs = { class: [...new Set(over.map(s => s.cls))].join(' ') };
    for (const s of over) Object.assign(attrs, s.attrs || {});
    frag.append(h('mark', attrs, piece));
  }
  return frag;
}

// mentionSpans are the actor and verb spans of a mention.
export function mentionSpans(m) {
  const out = [];
  for (const [sp, role] of [[m.source_span, 'source'], [m.target_span, 'target']]) {
    if (sp && sp.end > sp.start) out.push({ start: sp.start, end: sp.end, cls: 's-actor', attrs: { title: role + ' actor' } });
  }
  if (m.verb && m.verb.end > m.verb.start) out.push({ start: m.verb.start, end: m.verb.end, cls: 's-verb', attrs: { title: 'verb' } });
  return out;
}

// sentence shows a mention's sentence with its actors and verb marked.
export function sentence(m) {
  return h('div', { class: 'sentence article-text' }, marked(m.text, mentionSpans(m), m.start));
}
