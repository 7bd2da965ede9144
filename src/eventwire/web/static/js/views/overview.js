// The overview: filters, the timeline, the map, the list of events and the stories.

import { allTypes, get, getAll } from '../api.js';
import { typeColors } from '../colors.js';
import { pagedEvents, section, storyList, swatch } from '../components.js';
import { el } from '../dom.js';
import { eventMap } from '../map.js';
import { timeline } from '../timeline.js';

const CERTAINTIES = ['asserted', 'claimed', 'unverified', 'denied'];
const TEXT_FILTERS = [['actor', 'Actor'], ['place', 'Place'], ['date_from', 'From'], ['date_to', 'To']];
export const FILTER_KEYS = ['type', 'certainty', 'actor', 'place', 'date_from', 'date_to', 'story'];

/** The API filters held in the route's query string. */
export function filtersOf(query) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const values = query.getAll(key).filter(Boolean);
    if (values.length) filters[key] = key === 'type' || key === 'certainty' ? values : values[0];
  }
  return filters;
}

function go(filters) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) for (const v of [value].flat()) if (v) query.append(key, v);
  location.hash = `#/?${query}`;
}

function checkboxes(name, values, chosen, colorOf = null) {
  return el('fieldset', { class: `choices choices-${name}` }, el('legend', {}, name === 'type' ? 'Types' : 'Certainty'),
    values.map((value) => {
      const box = el('input', { type: 'checkbox', name, value });
      box.checked = (chosen ?? []).includes(value);
      return el('label', {}, box, ' ', colorOf ? [swatch(colorOf(value)), ' '] : null, value);
    }));
}

function filterForm(filters, types, colorOf, stories, places) {
  const form = el('form', { class: 'filters', id: 'filters' });
  form.append(checkboxes('type', types, filters.type, colorOf), checkboxes('certainty', CERTAINTIES, filters.certainty));
  for (const [key, label] of TEXT_FILTERS) {
    const input = el('input', {
      name: key, type: key.startsWith('date') ? 'date' : 'text', list: key === 'place' ? 'place-names' : null,
    });
    input.value = filters[key] ?? '';
    form.append(el('label', { class: 'field' }, label, ' ', input));
  }
  form.append(el('datalist', { id: 'place-names' }, places.map((p) => el('option', { value: p.name }))));
  const story = el('select', { name: 'story' }, el('option', { value: '' }, 'all stories'),
    stories.map((s) => el('option', { value: s.id }, s.title || s.id)));
  story.value = filters.story ?? '';
  form.append(el('label', { class: 'field' }, 'Story ', story),
    el('button', { type: 'submit' }, 'Apply'), ' ', el('button', { type: 'reset' }, 'Clear'));
  form.addEventListener('change', (e) => {
    if (e.target.type === 'checkbox' || e.target.tagName === 'SELECT') form.requestSubmit();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    go(Object.fromEntries(FILTER_KEYS.map((k) => [k, data.getAll(k)])));
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go({});
  });
  return form;
}

/** Render the overview for the route's query string into `root`. */
export async function overview(root, query) {
  const filters = filtersOf(query);
  const [types, colorOf, facets, first, located, stories, places] = await Promise.all([
    allTypes(), typeColors(), get('/api/facets', filters), get('/api/events', { ...filters, limit: 50 }),
    getAll('/api/events', { ...filters, bbox: '-180,-90,180,90' }), get('/api/stories', { limit: 200 }),
    get('/api/places'),
  ]);
  const mapBox = el('div', { class: 'map', id: 'map' });
  const pick = (from, to) => go({ ...filters, date_from: from, date_to: to });
  root.append(
    el('h1', {}, 'Events'),
    filterForm(filters, types, colorOf, stories.items, places.items),
    el('p', { class: 'summary', id: 'total' }, `${facets.total} events match`,
      located.truncated ? ` (the map shows the first ${located.items.length} located)` : ''),
    section('Timeline', timeline(facets.timeline, colorOf, pick)),
    section('Map', mapBox),
    section('Events', pagedEvents({ ...filters, limit: 50 }, colorOf, first)),
    section('Stories', storyList(stories.items)),
  );
  await eventMap(mapBox, located.items, colorOf);
}
