// Dyad's UI: one module per page, chosen by the address's hash
// (#/page?params), so that every view has a URL that can be shared.
import './style.css';
import { h, status, errorStatus, link } from './ui.js';
import * as dyad from './pages/dyad.js';
import * as actor from './pages/actor.js';
import * as network from './pages/network.js';
import * as events from './pages/events.js';
import * as article from './pages/article.js';
import * as search from './pages/search.js';
import * as map from './pages/map.js';
import * as home from './pages/home.js';

const pages = { '': home, dyad, actor, network, events, article, search, map };

let current = null; // { page, ctl }

async function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, qs] = hash.split('?');
  const page = pages[name];
  const params = Object.fromEntries(new URLSearchParams(qs || ''));
  const root = document.getElementById('app');
  if (current) {
    current.ctl.abort();
    if (current.page.leave) current.page.leave();
  }
  for (const a of document.querySelectorAll('nav a')) {
    a.toggleAttribute('aria-current', a.dataset.page === name);
  }
  if (!page) {
    root.replaceChildren(status('error', `There is no page "${name}". Pick one above, or go `, h('a', { href: link('', {}) }, 'home'), '.'));
    return;
  }
  const ctl = new AbortController();
  current = { page, ctl };
  document.title = 'Dyad' + (page.title ? ' · ' + page.title(params) : '');
  root.replaceChildren(status('loading', 'Loading…'));
  try {
    await page.render(root, params, ctl.signal);
  } catch (err) {
    if (err.name !== 'AbortError') {
      for (const w of root.querySelectorAll('.status.loading')) w.remove();
      root.append(errorStatus(err));
    }
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', () => {
  document.getElementById('quick').addEventListener('submit', ev => {
    ev.preventDefault();
    const q = new FormData(ev.target).get('q');
    location.hash = link('search', { q }).slice(1);
  });
  // "/" jumps to the search box, as on most sites; Escape leaves a field.
  document.addEventListener('keydown', ev => {
    const t = ev.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      document.querySelector('#quick input').focus();
    } else if (ev.key === 'Escape' && typing) {
      t.blur();
    }
  });
  route();
});
