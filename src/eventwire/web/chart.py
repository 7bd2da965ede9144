"""The situation report's timeline: events per day, week or month (by the span), stacked by type,
as positioned bars for the report template to draw as SVG (the dashboard's timeline.js, in Python)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.store.periods import period

WIDTH, HEIGHT = 760, 170
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 10, 26  # plot margins (pixels)
MAX_TICKS = 8


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    """What the report template draws: the bars, the date ticks, the unit and the largest count."""

    width: int
    height: int
    unit: str
    top: int
    left: int = LEFT  # the plot's x range and its baseline
    right: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)


def unit_for(days: int) -> str:
    """day, week or month: the bucket for a span of *days*."""
    return "day" if days <= 62 else "week" if days <= 730 else "month"


def _bucket(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next(start: date, unit: str) -> date:
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1 if unit == "day" else 7)


def timeline(dated: list[tuple[str, str]], color: dict[str, str]) -> Chart | None:
    """The chart of events given as (date value, type); None when none has a date."""
    days = [(span[0], t) for value, t in dated if (span := period(value))]
    if not days:
        return None
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    unit = unit_for((last - first).days)
    counts = Counter((_bucket(d, unit), t) for d, t in days)
    starts = [_bucket(first, unit)]
    while _next(starts[-1], unit) <= last:
        starts.append(_next(starts[-1], unit))
    totals = Counter(start for start, _ in counts.elements())
    top = max(totals.values())
    step, plot_h = (WIDTH - LEFT - RIGHT) / len(starts), HEIGHT - TOP - BOTTOM
    chart = Chart(WIDTH, HEIGHT, unit, top)
    types = list(dict.fromkeys(t for _, t in sorted(days, key=lambda x: x[1])))
    for i, start in enumerate(starts):
        x, y = LEFT + i * step, float(HEIGHT - BOTTOM)
        label = start.isoformat()[: 7 if unit == "month" else 10]
        for kind in types:
            n = counts.get((start, kind), 0)
            if n:
                h = n / top * plot_h
                y -= h
                bar = Bar(round(x + step * 0.1, 1), round(y, 1), round(max(step * 0.8, 1), 1), round(h, 1),
                          color[kind], f"{label} ({unit}): {kind} {n}")  # fmt: skip
                chart.bars.append(bar)
        if i % max(1, -(-len(starts) // MAX_TICKS)) == 0:
            chart.ticks.append(Tick(round(x + step / 2, 1), label))
    return chart
