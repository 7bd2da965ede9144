// DOM building without HTML parsing: every value goes in as a text node or a vetted attribute.

const SAFE_ATTRIBUTES = new Set([
  'class', 'id', 'title', 'type', 'name', 'value', 'placeholder', 'for', 'role', 'lang',
  'min', 'max', 'step', 'list', 'colspan', 'datetime', 'rel', 'target', 'tabindex', 'hidden',
  'aria-label', 'aria-live', 'aria-current',
]);
const SVG_ATTRIBUTES = new Set([
  'class', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke',
  'stroke-width', 'text-anchor', 'dominant-baseline', 'role', 'aria-label', 'preserveAspectRatio',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(node, attrs, allowed) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (!allowed.has(name) && !name.startsWith('data-')) throw new Error(`attribute ${name} is not allowed`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with safe attributes; children are nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs, SAFE_ATTRIBUTES);
  return append(node, children);
}

/** An SVG element with presentation attributes; children are nodes or text. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs, SVG_ATTRIBUTES);
  return append(node, children);
}

/** The hash route of encoded parts: hashOf('event', id) → '#/event/<id>'. */
export function hashOf(...parts) {
  return '#/' + parts.map(encodeURIComponent).join('/');
}

/** A link inside the dashboard. */
export function route(text, ...parts) {
  const link = el('a', {}, text);
  link.setAttribute('href', hashOf(...parts));
  return link;
}

/** The URL when it is an absolute http(s) URL, else null. */
export function httpUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An outgoing link for http(s) URLs; any other value is shown as plain text. */
export function external(url, text = url) {
  const href = httpUrl(url);
  if (!href) return el('span', { class: 'url' }, text ?? '');
  const link = el('a', { class: 'url', rel: 'noopener noreferrer nofollow', target: '_blank' }, text);
  link.setAttribute('href', href);
  return link;
}

/** A small labelled value list: [[label, value], ...], skipping empty values. */
export function facts(pairs) {
  const list = el('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    list.append(el('dt', {}, label), el('dd', {}, value));
  }
  return list;
}
