// Home: what Dyad shows and where to start.
import { h, link } from '../ui.js';

export const title = () => 'Home';

export async function render(root) {
  const card = (href, name, text) => h('a', { class: 'card', href }, h('b', {}, name), text);
  root.replaceChildren(
    h('h1', {}, 'Dyad: political events from news, each traced to its sentence'),
    h('p', {}, 'Every event here was coded by Dyad from an article: who did what to whom, in CAMEO, with its Goldstein score, QuadClass and PLOVER category, and the sentence, pattern and dictionary entries that produced it.'),
    h('div', { class: 'home-grid' },
      card(link('dyad', { a: 'IRQREB', b: 'IMGMUSALQ', interval: 'month' }), 'Dyad', 'Two actors over time, both ways: the Islamic Army in Iraq and al-Qaeda, from alliance to clashes to truce.'),
      card(link('actor', { code: 'IRQREB' }), 'Actor', 'Who an actor deals with, cooperation and conflict per partner, its timeline and names.'),
      card(link('network', {}), 'Network', 'Actors as nodes, cooperation and conflict as coloured edges, for a window.'),
      card(link('events', {}), 'Events', 'Filter, sort and export events (CSV, JSON Lines, GDELT TSV).'),
      card(link('map', {}), 'Map', 'Events drawn where they happened, clustered.'),
      card(link('search', {}), 'Search', 'Full text over the articles, with the events of each hit.')),
    h('p', { class: 'muted' }, 'Keys: / searches, Tab moves between links and rows, Enter opens a row, ↑/↓ move between rows.'));
}
