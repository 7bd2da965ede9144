// Article search results and the list of stories.

import { get } from '../api.js';
import { articleList, section, storyList } from '../components.js';
import { el } from '../dom.js';

/** Render the articles matching `q` into `root`. */
export async function searchPage(root, q) {
  const box = document.querySelector('#search input[name=q]');
  if (box) box.value = q;
  const { items } = await get('/api/articles', { q, limit: 50 });
  root.append(el('h1', {}, 'Articles matching ', el('q', {}, q)),
    items.length ? articleList(items) : el('p', { class: 'empty' }, 'No article matches.'));
}

/** Render every story into `root`. */
export async function storiesPage(root) {
  const { items } = await get('/api/stories', { limit: 500 });
  root.append(section(`Stories (${items.length})`, storyList(items)));
}
