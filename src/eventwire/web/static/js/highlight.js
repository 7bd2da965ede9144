// An article's text with an event's evidence marked: the sentence in a light highlight and
// <mark> elements for the trigger and the argument spans. Text goes in as text nodes only.

import { el } from './dom.js';

// When spans overlap, the earlier role wins the overlapping characters.
export const ROLES = ['trigger', 'size', 'date', 'location', 'actor', 'recipient', 'claimant', 'certainty', 'aux'];

/** [{start, end, role}] of an evidence object (the API's `evidence` shape). */
export function evidenceSpans(evidence) {
  const spans = [];
  const add = (span, role) => {
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start) {
      spans.push({ start: span.start, end: span.end, role });
    }
  };
  add(evidence.trigger, 'trigger');
  for (const span of evidence.actor ?? []) add(span, 'actor');
  for (const span of evidence.recipient ?? []) add(span, 'recipient');
  add(evidence.location, 'location');
  add(evidence.date, 'date');
  for (const span of Object.values(evidence.size ?? {})) add(span, 'size');
  add(evidence.claimant, 'claimant');
  add(evidence.certainty, 'certainty');
  add(evidence.aux, 'aux');
  return spans;
}

/** The role shown for each character range: [{start, end, role|null, inSentence}] covering the text. */
function segments(length, spans, sentence) {
  const cuts = new Set([0, length]);
  for (const s of [...spans, sentence].filter(Boolean)) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.role);
    const role = ROLES.find((r) => covering.includes(r)) ?? null;
    const inSentence = Boolean(sentence && sentence.start <= start && sentence.end >= end);
    const last = result[result.length - 1];
    if (last && last.role === role && last.inSentence === inSentence) last.end = end;
    else result.push({ start, end, role, inSentence });
  }
  return result;
}

/** A <div> with `text`, the `sentence` span highlighted and `spans` as <mark data-role=...>. */
export function highlighted(text, spans, sentence = null) {
  const box = el('div', { class: 'article-text' });
  let holder = null;
  for (const seg of segments(text.length, spans, sentence)) {
    const words = text.slice(seg.start, seg.end);
    const piece = seg.role
      ? el('mark', { class: `ev ev-${seg.role}`, 'data-role': seg.role, title: seg.role }, words)
      : document.createTextNode(words);
    if (seg.inSentence) {
      holder ??= box.appendChild(el('span', { class: 'ev-sentence' }));
      holder.append(piece);
    } else {
      holder = null;
      box.append(piece);
    }
  }
  return box;
}

/** The key to the highlight colours. */
export function legend() {
  return el('p', { class: 'legend' }, 'Evidence: ',
    el('span', { class: 'ev-sentence' }, 'sentence'), ' ',
    ROLES.map((role) => [el('mark', { class: `ev ev-${role}` }, role), ' ']));
}
