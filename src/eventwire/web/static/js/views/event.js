// An event: its fields, then each mention with its article's text and the evidence highlighted.

import { get } from '../api.js';
import { typeColors } from '../colors.js';
import { names, section, sizeText, swatch } from '../components.js';
import { el, external, facts, route } from '../dom.js';
import { evidenceSpans, highlighted, legend } from '../highlight.js';

function place(loc) {
  if (!loc) return null;
  const where = [loc.name, loc.admin1, loc.country].filter(Boolean).join(', ');
  return `${where} (${loc.precision}; ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})`;
}

function claim(mention) {
  const who = mention.claimant ? mention.claimant.name || mention.claimant.text : null;
  return who ? `${who} — ${mention.certainty}` : `the outlet — ${mention.certainty}`;
}

function mentionView(mention, index, text) {
  const a = mention.article;
  return el('article', { class: 'mention', 'data-article': a.id },
    el('h3', {}, `${index + 1}. `, route(a.title || '(no title)', 'article', a.id)),
    facts([
      ['Outlet', a.outlet || 'unknown'],
      ['Published', a.published || 'undated'],
      ['URL', a.url ? external(a.url) : null],
      ['Claimed by', el('span', { class: 'claim' }, claim(mention))],
      ['Modality', mention.aux],
    ]),
    text === null
      ? el('p', { class: 'empty' }, 'The article text is not available.')
      : highlighted(text, evidenceSpans(mention.evidence), mention.evidence.sentence));
}

/** Render the event `id` into `root`. */
export async function eventPage(root, id) {
  const [{ event, mentions }, colorOf] = await Promise.all([get(`/api/events/${encodeURIComponent(id)}`), typeColors()]);
  const ids = [...new Set(mentions.map((m) => m.article.id))];
  const articles = await Promise.all(ids.map((a) => get(`/api/articles/${encodeURIComponent(a)}`).catch(() => null)));
  const texts = new Map(ids.map((a, i) => [a, articles[i]?.text ?? null]));
  root.append(
    el('h1', {}, swatch(colorOf(event.event)), ' ', event.event, event.mode.length ? ` (${event.mode.join(', ')})` : ''),
    facts([
      ['Actor', names(event.actor)],
      ['Recipient', names(event.recipient)],
      ['Date', event.date ? `${event.date} (${event.date_precision ?? '?'}, from the ${event.date_source})` : 'unknown'],
      ['Place', place(event.location)],
      ['Size', sizeText(event.size)],
      ['Certainty', event.certainty],
      ['Claimant', event.claimant ? event.claimant.name || event.claimant.text : null],
      ['Modality', event.aux],
      ['Independent sources', String(event.sources)],
      ['ACLED-shaped', event.acled ? `${event.acled.event_type} / ${event.acled.sub_event_type}` : null],
      ['Story', event.story_id ? route(event.story_id, 'story', event.story_id) : null],
      ['Type confidence', event.confidence.toFixed(2)],
    ]),
    section(`Mentions (${mentions.length})`, legend(),
      mentions.map((m, i) => mentionView(m, i, texts.get(m.article.id)))),
  );
  for (const box of root.querySelectorAll('.article-text')) {
    const sentence = box.querySelector('.ev-sentence');
    if (sentence) box.scrollTop = Math.max(0, sentence.offsetTop - 24);
  }
}
