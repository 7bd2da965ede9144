// A story: its events on a timeline and a map, the events, its articles and independent sources.

import { getAll, get } from '../api.js';
import { typeColors } from '../colors.js';
import { articleList, pagedEvents, section } from '../components.js';
import { el, facts } from '../dom.js';
import { eventMap } from '../map.js';
import { rowsOf, timeline } from '../timeline.js';

/** Render the story `id` into `root`. */
export async function storyPage(root, id) {
  const [data, colorOf] = await Promise.all([get(`/api/stories/${encodeURIComponent(id)}`), typeColors()]);
  const { story, articles, sources } = data;
  const events = (await getAll('/api/events', { story: story.id })).items;
  const mapBox = el('div', { class: 'map', id: 'map' });
  root.append(
    el('h1', {}, story.title || '(untitled story)'),
    facts([
      ['Dates', [story.first_date, story.last_date].filter(Boolean).join(' – ') || 'undated'],
      ['Articles', String(articles.length)],
      ['Independent sources', String(sources)],
      ['Events', String(events.length)],
    ]),
    section('Timeline', timeline(rowsOf(events), colorOf)),
    section('Map', mapBox),
    section('Events', pagedEvents({ story: story.id }, colorOf, { items: events, next: null })),
    section('Articles', articleList(articles)),
  );
  await eventMap(mapBox, events, colorOf);
}
