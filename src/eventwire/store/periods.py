"""The calendar period a TIMEX3-style date value names, as its first and last day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

Period = tuple[dt.date, dt.date]


def _day(y: int, m: int, d: int) -> Period:
    day = dt.date(y, m, d)
    return day, day


def _week(y: int, w: int) -> Period:
    monday = dt.date.fromisocalendar(y, w, 1)
    return monday, monday + dt.timedelta(days=6)


def _weekend(y: int, w: int) -> Period:
    return dt.date.fromisocalendar(y, w, 6), dt.date.fromisocalendar(y, w, 7)


def _months(y: int, first: int, count: int) -> Period:
    after = dt.date(y + (first + count - 1) // 12, (first + count - 1) % 12 + 1, 1)
    return dt.date(y, first, 1), after - dt.timedelta(days=1)


# Value shapes: a regular expression matching the whole value, and the period of its groups.
_SHAPES: tuple[tuple[re.Pattern[str], Callable[..., Period]], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?"), _day),
    (re.compile(r"(\d{4})-W(\d{2})"), _week),
    (re.compile(r"(\d{4})-W(\d{2})-WE"), _weekend),
    (re.compile(r"(\d{4})-(\d{2})"), lambda y, m: _months(y, m, 1)),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda y, q: _months(y, 3 * q - 2, 3)),
    (re.compile(r"(\d{4})-H([12])"), lambda y, h: _months(y, 6 * h - 5, 6)),
    (re.compile(r"(\d{4})"), lambda y: _months(y, 1, 12)),
)


def period(value: str | None) -> Period | None:
    """First and last day of ``2023-01-18``, ``2023-W03``, ``2022-09``, ``2023-Q1``, ``2023``…

    None for values that fix no calendar period (``XXXX-09-08``, ``PRESENT_REF``) or name no
    real date.
    """
    for pattern, build in _SHAPES:
        match = pattern.fullmatch(value or "")
        if match:
            try:
                return build(*map(int, match.groups()))
            except ValueError:
                return None
    return None
