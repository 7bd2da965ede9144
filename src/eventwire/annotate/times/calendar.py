"""Calendar points at a granularity, their arithmetic and their TIMEX3 values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

# Granularities, finest first.
GRANULARITIES = ("day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century")
# TimeExpr.precision of each granularity: the finest of day/week/month/year the value fixes.
PRECISION = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "season": "year",
    "quarter": "year",
    "half": "year",
    "year": "year",
}
# Unit letters of durations and the granularity a shift by that unit lands on.
UNIT_GRANULARITY = {
    "D": "day",
    "W": "week",
    "WE": "weekend",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "10Y": "decade",
    "100Y": "century",
}
# Representative month of each season code (northern hemisphere, TimeML codes).
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True)
class Point:
    """A calendar unit containing ``date``: the day, its week, month, quarter, ... year."""

    date: dt.date
    gran: str
    season: str | None = None  # SP, SU, FA, WI when gran == "season"

    @property
    def value(self) -> str:
        """The TIMEX3 value, e.g. ``1998-08-07``, ``1998-W32``, ``1998-Q3``, ``199``."""
        d, g = self.date, self.gran
        if g in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        formats = {
            "day": f"{d.year:04d}-{d.month:02d}-{d.day:02d}",
            "month": f"{d.year:04d}-{d.month:02d}",
            "season": f"{d.year:04d}-{self.season}",
            "quarter": f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
            "half": f"{d.year:04d}-H{1 if d.month <= 6 else 2}",
            "year": f"{d.year:04d}",
            "decade": f"{d.year // 10:03d}",
            "century": f"{d.year // 100:02d}",
        }
        return formats[g]

    @property
    def precision(self) -> str | None:
        return PRECISION.get(self.gran)

    def start(self) -> dt.date:
        """The first day of the unit."""
        d, g = self.date, self.gran
        months = {"quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
        if g in ("week", "weekend"):
            return d - dt.timedelta(days=d.weekday())
        if g in ("month", "season"):
            return d.replace(day=1)
        if g in months:
            index = (d.year * 12 + d.month - 1) // months[g] * months[g]
            return dt.date(max(index // 12, 1), index % 12 + 1, 1)
        return d

    def end(self) -> dt.date:
        """The last day of the unit."""
        size = {
            "day": (1, "D"),
            "week": (1, "W"),
            "weekend": (1, "W"),
            "month": (1, "M"),
            "season": (3, "M"),
            "quarter": (1, "Q"),
            "half": (6, "M"),
            "year": (1, "Y"),
            "decade": (1, "10Y"),
            "century": (1, "100Y"),
        }[self.gran]
        return shift(self.start(), *size) - dt.timedelta(days=1)

    def distance(self, day: dt.date) -> int:
        """Days from *day* to the nearest day of the unit (0 when inside)."""
        if day < self.start():
            return (self.start() - day).days
        return max((day - self.end()).days, 0)

    def at(self, gran: str) -> Point:
        """The same date seen at another granularity."""
        return replace(self, gran=gran)


def add_months(day: dt.date, months: int) -> dt.date:
    """*day* moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """*day* moved by *amount* units (D, W, WE, M, Q, Y, 10Y, 100Y)."""
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "10Y": 120, "100Y": 1200}[unit]
    return add_months(day, amount * months)


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The *weekday* (1 = Monday) on or before *anchor* (direction <= 0) or on or after it."""
    delta = weekday - anchor.isoweekday()
    if direction <= 0:
        return anchor + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    return anchor + dt.timedelta(days=delta if delta >= 0 else delta + 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The *n*-th *weekday* of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return weekday_near(first, weekday, 1) + dt.timedelta(weeks=n - 1)
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return weekday_near(last, weekday, -1)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(rule: str, year: int) -> dt.date:
    """The date of a holiday rule from the lexicon in *year*.

    Rules: ``MM-DD`` (fixed), ``nth:month:weekday:n``, ``easter[:offset]`` and ``election``
    (US: the Tuesday after the first Monday of November).
    """
    parts = rule.split(":")
    if parts[0] == "nth":
        month, weekday, n = (int(p) for p in parts[1:])
        return nth_weekday(year, month, weekday, n)
    if parts[0] == "easter":
        return easter(year) + dt.timedelta(days=int(parts[1]) if len(parts) > 1 else 0)
    if parts[0] == "election":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    month, day = (int(p) for p in rule.split("-"))
    return dt.date(year, month, day)
