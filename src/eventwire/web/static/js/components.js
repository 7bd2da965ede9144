// Pieces the views share: event tables, type swatches, article lists, load-more buttons.

import { get } from './api.js';
import { el, external, route, svg } from './dom.js';

/** A small colour square for an event type. */
export function swatch(color) {
  return svg('svg', { class: 'swatch', viewBox: '0 0 10 10', width: 10, height: 10 },
    svg('rect', { x: 0, y: 0, width: 10, height: 10, fill: color }));
}

export function names(participants) {
  return (participants ?? []).map((p) => p.name || p.text).join(', ');
}

export function sizeText(size) {
  return Object.entries(size ?? {}).filter(([, n]) => n !== null && n !== undefined).map(([kind, n]) => `${n} ${kind}`).join(', ');
}

function eventRow(event, colorOf) {
  const who = [names(event.actor), names(event.recipient)].filter(Boolean).join(' → ');
  return el('tr', { class: 'ew-event', 'data-id': event.id, 'data-type': event.event },
    el('td', {}, event.date ?? '—'),
    el('td', {}, swatch(colorOf(event.event)), ' ', route(event.event, 'event', event.id)),
    el('td', {}, who),
    el('td', {}, event.location?.name ?? ''),
    el('td', {}, sizeText(event.size)),
    el('td', {}, event.claimant ? `${event.certainty} (${event.claimant.name || event.claimant.text})` : event.certainty),
    el('td', { class: 'num' }, String(event.sources ?? 1)));
}

/** A table of event records with a row per event. */
export function eventTable(events, colorOf) {
  const body = el('tbody', {}, events.map((e) => eventRow(e, colorOf)));
  const table = el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, ['Date', 'Type', 'Who → whom', 'Where', 'Size', 'Certainty', 'Sources'].map((h) => el('th', {}, h)))),
    body);
  return { table, body, add: (more) => body.append(...more.map((e) => eventRow(e, colorOf))) };
}

/** A paginated event table: the first page, then a "More" button following the cursor. */
export function pagedEvents(params, colorOf, first) {
  if (!first.items.length) return el('p', { class: 'empty' }, 'No event matches.');
  const { table, add } = eventTable(first.items, colorOf);
  const box = el('div', { class: 'paged' }, table);
  let next = first.next;
  if (next) {
    const more = el('button', { type: 'button', class: 'more' }, 'More events');
    more.addEventListener('click', async () => {
      more.disabled = true;
      const page = await get('/api/events', { ...params, cursor: next });
      add(page.items);
      next = page.next;
      if (next) more.disabled = false;
      else more.remove();
    });
    box.append(more);
  }
  return box;
}

/** One line per article: its title (to its page), outlet, date and URL. */
export function articleList(articles) {
  return el('ul', { class: 'articles' }, articles.map((a) =>
    el('li', { class: 'ew-article', 'data-id': a.id },
      route(a.title || '(no title)', 'article', a.id),
      el('span', { class: 'meta' }, ' · ', a.outlet || 'unknown outlet', ' · ', a.published || 'undated', ' · '),
      external(a.url, a.url || 'no URL'),
      a.snippet ? el('p', { class: 'snippet' }, a.snippet) : null)));
}

/** A section with a heading. */
export function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}

/** One line per story: its title (to its page), sizes and dates. */
export function storyList(stories) {
  if (!stories.length) return el('p', { class: 'empty' }, 'No stories yet (a story needs two independent articles).');
  return el('ul', { class: 'stories' }, stories.map((s) =>
    el('li', { class: 'ew-story', 'data-id': s.id }, route(s.title || '(untitled story)', 'story', s.id),
      el('span', { class: 'meta' }, ` · ${s.article_ids.length} articles · ${s.event_ids.length} events · `,
        [s.first_date, s.last_date].filter(Boolean).join(' – ') || 'undated'))));
}
