// The dashboard's hash router: #/ (overview, filters in the query), #/event/<id>, #/story/<id>,
// #/article/<id>, #/search?q=..., #/stories. Once a page is drawn, the view's data-route is its
// hash and its data-state is ready (or error).

import { el } from './dom.js';
import { articlePage } from './views/article.js';
import { eventPage } from './views/event.js';
import { searchPage, storiesPage } from './views/lists.js';
import { overview } from './views/overview.js';
import { storyPage } from './views/story.js';

const ROUTES = [
  [/^#\/event\/([^/?]+)$/, (root, m) => eventPage(root, decodeURIComponent(m[1]))],
  [/^#\/story\/([^/?]+)$/, (root, m) => storyPage(root, decodeURIComponent(m[1]))],
  [/^#\/article\/([^/?]+)$/, (root, m) => articlePage(root, decodeURIComponent(m[1]))],
  [/^#\/search\?(.*)$/, (root, m) => searchPage(root, new URLSearchParams(m[1]).get('q') ?? '')],
  [/^#\/stories$/, (root) => storiesPage(root)],
  [/^(?:#\/?)?(?:\?(.*))?$/, (root, m) => overview(root, new URLSearchParams(m[1] ?? ''))],
];

const view = document.getElementById('view');
let current = 0;

async function render() {
  const token = ++current;
  const root = el('div', { class: 'page' });
  view.replaceChildren(root);
  view.dataset.state = 'loading';
  const hash = location.hash || '#/';
  const found = ROUTES.map(([pattern, draw]) => [pattern.exec(hash), draw]).find(([m]) => m);
  try {
    if (!found) throw new Error(`no page ${hash}`);
    await found[1](root, found[0]);
    if (token !== current) return;
    view.dataset.route = hash;
    view.dataset.state = 'ready';
  } catch (error) {
    console.error(error);
    if (token !== current) return;
    root.append(el('p', { class: 'error', role: 'alert' }, `Could not show this page: ${error.message}`));
    view.dataset.route = hash;
    view.dataset.state = 'error';
  }
}

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new FormData(e.target).get('q');
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});
window.addEventListener('hashchange', render);
render();
