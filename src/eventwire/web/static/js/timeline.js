// The timeline: events per day, week or month (by the span shown), stacked by type, as SVG.

import { el, svg } from './dom.js';

const DAY = 86400000;
const WIDTH = 900;
const HEIGHT = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 26 };

function parse(date) {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

function iso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** The bucket unit for a span of `days`. */
export function unitFor(days) {
  if (days <= 62) return 'day';
  if (days <= 730) return 'week';
  return 'month';
}

/** The first day of the bucket holding `time`, and the first day of the next bucket. */
function bucket(time, unit) {
  const d = new Date(time);
  if (unit === 'day') return [time, time + DAY];
  if (unit === 'week') {
    const start = time - ((d.getUTCDay() + 6) % 7) * DAY;
    return [start, start + 7 * DAY];
  }
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return [start, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
}

/** Rows {date, type, count} → buckets [{start, end, counts: Map(type → n)}] with no gaps. */
export function buckets(rows) {
  const times = rows.map((r) => parse(r.date)).filter((t) => !Number.isNaN(t));
  if (!times.length) return { unit: 'day', list: [] };
  const first = Math.min(...times);
  const last = Math.max(...times);
  const unit = unitFor((last - first) / DAY);
  const list = [];
  const index = new Map();
  for (let t = bucket(first, unit)[0]; t <= last; t = bucket(t, unit)[1]) {
    index.set(t, list.length);
    list.push({ start: t, end: bucket(t, unit)[1], counts: new Map() });
  }
  for (const row of rows) {
    const time = parse(row.date);
    if (Number.isNaN(time)) continue;
    const counts = list[index.get(bucket(time, unit)[0])].counts;
    counts.set(row.type, (counts.get(row.type) ?? 0) + row.count);
  }
  return { unit, list };
}

function label(start, unit) {
  return unit === 'month' ? iso(start).slice(0, 7) : iso(start);
}

/** The SVG timeline of `rows`; `onPick(from, to)` is called with a clicked bar's dates. */
export function timeline(rows, colorOf, onPick = null) {
  const { unit, list } = buckets(rows);
  if (!list.length) return el('p', { class: 'empty' }, 'No dated events to show on the timeline.');
  const types = [...new Set(rows.map((r) => r.type))];
  const max = Math.max(...list.map((b) => [...b.counts.values()].reduce((a, n) => a + n, 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / list.length;
  const chart = svg('svg', {
    class: 'timeline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `Events per ${unit}, stacked by type`, 'data-unit': unit,
  });
  chart.append(
    svg('line', { class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom }),
    svg('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + 8, 'text-anchor': 'end' }, String(max)),
    svg('text', { class: 'tick', x: PAD.left - 4, y: HEIGHT - PAD.bottom, 'text-anchor': 'end' }, '0'),
  );
  const every = Math.max(1, Math.ceil(list.length / 8));
  list.forEach((b, i) => {
    const x = PAD.left + i * step;
    let y = HEIGHT - PAD.bottom;
    const when = label(b.start, unit);
    const group = svg('g', { class: 'bucket', 'data-start': iso(b.start) });
    for (const type of types) {
      const n = b.counts.get(type);
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      const bar = svg('rect', {
        class: 'bar', x: x + step * 0.1, y, width: Math.max(step * 0.8, 1), height: h,
        fill: colorOf(type), 'data-type': type, 'data-count': n,
      });
      bar.append(svg('title', {}, `${when} (${unit}): ${type} ${n}`));
      group.append(bar);
    }
    if (onPick) group.addEventListener('click', () => onPick(iso(b.start), iso(b.end - DAY)));
    chart.append(group);
    if (i % every === 0) {
      chart.append(svg('text', { class: 'tick', x: x + step / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, when));
    }
  });
  return chart;
}

/** Timeline rows {date, type, count} from event records (their first day). */
export function rowsOf(events) {
  const counts = new Map();
  for (const event of events) {
    const day = firstDay(event.date);
    if (!day) continue;
    const key = `${day}\u0000${event.event}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [date, type] = key.split('\u0000');
    return { date, type, count };
  });
}

/** The first day (YYYY-MM-DD) of an ISO date, month, year or week value; null for anything else. */
export function firstDay(value) {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!week) return null;
  const jan4 = Date.UTC(Number(week[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  return iso(monday + (Number(week[2]) - 1) * 7 * DAY);
}
