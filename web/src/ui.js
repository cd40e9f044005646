// Helpers the pages share: building elements, routes, status lines, the
// actor picker and the names of QuadClasses.
import { api, APIError } from './api.js';

// h builds an element: h('a', {href: '#/'}, 'text', child...).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// link returns the shareable address of a page with its parameters.
export function link(page, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return '#/' + page + (s ? '?' + s : '');
}

// go moves to a page; replace keeps the browser's history short while a
// form is being edited.
export function go(page, params, replace) {
  const url = link(page, params);
  if (replace) history.replaceState(null, '', url);
  else location.hash = url.slice(1);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export const QUADS = [
  { n: 1, name: 'verbal cooperation', short: 'verbal coop.', color: '#6baed6' },
  { n: 2, name: 'material cooperation', short: 'material coop.', color: '#2171b5' },
  { n: 3, name: 'verbal conflict', short: 'verbal confl.', color: '#fd8d3c' },
  { n: 4, name: 'material conflict', short: 'material confl.', color: '#cb181d' },
];

// status shows a line in place of a page's results: kind is "loading",
// "empty" or "error".
export function status(kind, ...text) {
  const p = h('p', { class: 'status ' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...text);
  if (kind === 'loading') p.prepend(h('span', { class: 'spinner', 'aria-hidden': 'true' }));
  return p;
}

// errorStatus says what went wrong and what to change.
export function errorStatus(err) {
  if (err instanceof APIError) {
    if (err.param) return status('error', `The ${err.param} is not right: ${err.message}. Change it above and try again.`);
    if (err.status === 404) return status('error', 'Not found: the store has nothing under this address. Check the link, or find it from Search or Events.');
    return status('error', `The server could not answer: ${err.message}.`);
  }
  console.warn(err);
  return status('error', 'Something went wrong in this page: ' + ((err && err.message) || String(err)) + '. Reload it; if it stays, report it with this address.');
}

// day returns an event's day (YYYY-MM-DD): the date the text gives it,
// else its article's date; "" when unknown.
export function day(e) {
  if (e.date && e.date.value) return e.date.value.slice(0, 10);
  if (e.published_known && e.published) return e.published.slice(0, 10);
  return '';
}

export function fmtNum(x, digits = 1) {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

// actorPicker is a text input completing actor codes from names or code
// prefixes; its value is the code.
export function actorPicker(name, label, value) {
  const listId = 'actors-' + name;
  const input = h('input', { name, id: 'f-' + name, value: value || '', list: listId, autocomplete: 'off', spellcheck: 'false', placeholder: 'code or name', size: 16 });
  const list = h('datalist', { id: listId });
  let timer, ctl;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const v = input.value.trim();
    if (!v) return;
    timer = setTimeout(async () => {
      if (ctl) ctl.abort();
      ctl = new AbortController();
      try {
        const upper = /^[A-Z0-9]+$/.test(v);
        const r = await api.actors(upper ? { prefix: v, limit: 20 } : { name: v, limit: 20 }, ctl.signal);
        list.replaceChildren(...r.actors.map(a => h('option', { value: a.code }, `${(a.names || []).slice(0, 3).join('; ')} — ${a.events} events`)));
      } catch { /* completion is a help; the page reports errors */ }
    }, 120);
  });
  return h('label', { for: 'f-' + name }, label, ' ', input, list);
}

// field is a labelled input.
export function field(label, attrs) {
  const id = 'f-' + attrs.name;
  return h('label', { for: id }, label, ' ', h('input', { id, ...attrs }));
}

// select is a labelled <select> of [value, text] options.
export function select(label, name, options, value) {
  const id = 'f-' + name;
  return h('label', { for: id }, label, ' ', h('select', { id, name },
    options.map(([v, t]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, t))));
}

// formParams returns a form's non-empty fields.
export function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') out[k] = String(v).trim();
  return out;
}

// actorLabel is "Name (CODE)" linked to the actor's page.
export function actorLink(a) {
  if (!a || !a.code) return h('span', { class: 'muted' }, '—');
  return h('a', { href: link('actor', { code: a.code }), title: a.name || '' }, a.code);
}

// dataRange returns the first and last days of the store's dated events,
// to open windows on what is there.
export async function dataRange(signal, params) {
  // A from date leaves out the events without a day.
  const q = { ...params, from: '1900-01-01', limit: 1 };
  const [first, last] = await Promise.all([api.events({ ...q, sort: 'date' }, signal), api.events({ ...q, sort: '-date' }, signal)]);
  const f = first.events.map(day).find(d => d);
  const l = last.events.map(day).find(d => d);
  return f && l ? { from: f, to: l } : null;
}

// lazyDetails is a <details> whose body is built when first opened, so
// that a long table costs nothing until someone asks for it.
export function lazyDetails(summary, build) {
  const d = h('details', {}, h('summary', {}, summary));
  d.addEventListener('toggle', () => {
    if (d.open && d.children.length === 1) d.append(build());
  });
  return d;
}
