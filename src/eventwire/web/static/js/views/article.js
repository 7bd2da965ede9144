// An article: its facts, its text with every event trigger marked, and its events.

import { get, getAll } from '../api.js';
import { typeColors } from '../colors.js';
import { eventTable, section } from '../components.js';
import { el, external, facts } from '../dom.js';
import { highlighted } from '../highlight.js';

/** Render the article `id` into `root`. */
export async function articlePage(root, id) {
  const [article, colorOf] = await Promise.all([get(`/api/articles/${encodeURIComponent(id)}`), typeColors()]);
  const events = (await getAll('/api/events', { article: article.id })).items;
  const triggers = events.filter((e) => e.evidence.article_id === article.id)
    .map((e) => ({ ...e.evidence.trigger, role: 'trigger' }));
  root.append(
    el('h1', {}, article.title || '(no title)'),
    facts([
      ['Outlet', article.outlet || 'unknown'],
      ['Published', article.published || 'undated'],
      ['URL', article.url ? external(article.url) : null],
    ]),
    section(`Events (${events.length})`, eventTable(events, colorOf).table),
    section('Text', highlighted(article.text, triggers)),
  );
}
