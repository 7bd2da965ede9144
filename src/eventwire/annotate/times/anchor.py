"""Anchor underspecified readings to the publication date or to the date last mentioned.

News conventions (as in TimeBank and HeidelTime's news mode):

- Deictic expressions ("today", "last week", "on Wednesday", "in December", "two years ago")
  are anchored to the publication date (or to the dateline date just before it). A weekday is
  the most recent such day on or before the anchor unless the sentence's nearest tense cue is
  future; a month or day without a year is the nearest occurrence, or the latest one not after
  the anchor when the sentence is in the past tense (the earliest one not before it when future).
- Anaphoric expressions ("the next day", "a day before X", "a year earlier", "that month") are
  anchored to the most recent date resolved earlier in the text, falling back to the
  publication date. "N units later/after" is read the same way, as a date (TimeBank would
  annotate "two months later" as a DURATION P2M; a date is what event dating needs).
- Without a publication date, deictic expressions stay unresolved: ``XXXX-09-08``,
  ``XXXX-WXX-3``, ``XXXX``; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.annotate.times.calendar import (
    GRANULARITIES,
    PRECISION,
    Point,
    holiday,
    shift,
    weekday_near,
)
from eventwire.annotate.times.context import Sentences
from eventwire.annotate.times.grammar import settings
from eventwire.annotate.times.spec import Spec

# Values with an unknown year, by granularity.
_UNKNOWN = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "season": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


@dataclass(frozen=True)
class Resolved:
    """A finished TIMEX3 value with its precision and the calendar point it names, if any."""

    value: str
    precision: str | None
    point: Point | None = None


def _done(point: Point, suffix: str = "") -> Resolved:
    precision = "day" if suffix else point.precision
    return Resolved(point.value + suffix, precision, point)


def _is_reference(spec: Spec) -> bool:
    """Whether a resolved *spec* becomes the date later anaphora refer to.

    Comparisons ("a year ago", "the year-earlier quarter", "the 1988 period") do not move the
    narrative's time.
    """
    if spec.inherit or (spec.op == "quarter_ref" and (spec.amount or spec.point)):
        return False
    return spec.type in ("DATE", "TIME")


def _partial_day(point: Point) -> Resolved | None:
    """A day anchored to a coarser date keeps what is known: ``1998-10-XX`` after "last October"."""
    if point.gran == "month":
        return Resolved(point.value + "-XX", "day")
    if point.gran in ("season", "quarter", "half", "year"):
        return Resolved(f"{point.date.year:04d}-XX-XX", "day")
    return None


def _date_of(point: Point) -> dt.date:
    return point.date


def _unknown(gran: str, suffix: str = "") -> Resolved:
    return Resolved(_UNKNOWN[gran] + suffix, PRECISION.get(gran))


class Anchorer:
    """Resolves the readings of one text in order, remembering the dates it has resolved."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.dct = dct
        self.anchor = dct  # the publication date, or the dateline date
        self.sentences = Sentences(text)
        self.refs: list[tuple[int, Point]] = []
        self._settings = settings()

    def use_dateline(self, day: dt.date) -> None:
        """Anchor deictic expressions to a dateline date shortly before the publication date."""
        if self.dct and 0 <= (self.dct - day).days <= self._settings["dateline_max_days"]:
            self.anchor = day

    def resolve(self, spec: Spec, start: int, end: int) -> Resolved | None:
        """The value of *spec* found at ``text[start:end]``; None to drop the expression."""
        handlers = {
            "value": self._value,
            "point": self._point,
            "calendar": self._calendar,
            "weekday": self._weekday,
            "shift": self._shift,
            "quarter_ref": self._quarter_ref,
            "clock": self._clock,
        }
        result = handlers[spec.op](spec, start, end)
        if result is not None and result.point is not None and _is_reference(spec):
            self.refs.append((start, result.point))
        return result

    # --- helpers --------------------------------------------------------------------------
    def _ref(self, gran: str | None = None, since: int = -1, exact: bool = False) -> Point | None:
        """The latest resolved point at *gran* (or finer unless *exact*; any when None).

        Only points found at or after position *since* count.
        """
        for pos, point in reversed(self.refs):
            if pos < since:
                return None
            if (
                gran is None
                or point.gran == gran
                or (not exact and GRANULARITIES.index(point.gran) <= GRANULARITIES.index(gran))
            ):
                return point
        return None

    # --- operations -----------------------------------------------------------------------
    def _value(self, spec: Spec, start: int, end: int) -> Resolved:
        return Resolved(spec.value or "", None)

    def _point(self, spec: Spec, start: int, end: int) -> Resolved:
        assert spec.point is not None
        return _done(spec.point, spec.suffix)

    def _calendar(self, spec: Spec, start: int, end: int) -> Resolved | None:
        gran = spec.gran or "day"
        if spec.year_shift is not None:
            base = self._ref() if spec.anchor == "ref" else None
            anchor_day = base.date if base else self.anchor
            if anchor_day is not None:
                return self._in_year(spec, anchor_day.year + spec.year_shift)
        if self.anchor is None:
            return Resolved(self._unresolved_calendar(spec), PRECISION.get(gran))
        options = [p for y in (-1, 0, 1) if (p := self._in_year(spec, self.anchor.year + y))]
        chosen = self._choose(spec, [o.point for o in options if o.point], start, end)
        return _done(chosen, spec.suffix) if chosen else None

    def _in_year(self, spec: Spec, year: int) -> Resolved | None:
        try:
            if spec.holiday:
                return _done(Point(holiday(spec.holiday, year), "day"))
            day = dt.date(year, spec.month or 1, spec.day or 1)
        except ValueError:
            return None
        return _done(Point(day, spec.gran or "day", spec.season), spec.suffix)

    def _choose(self, spec: Spec, options: list[Point], start: int, end: int) -> Point | None:
        """The year's occurrence the text means: by "last/this/next", else the nearest one."""
        assert self.anchor is not None
        anchor, gran = self.anchor, spec.gran or "day"
        here = Point(anchor, gran, spec.season)
        if spec.direction == 0:
            return next((p for p in options if p.date.year == anchor.year), None)
        if spec.direction is not None and spec.direction < 0:
            return max((p for p in options if p.end() < here.start()), key=_date_of, default=None)
        if spec.direction is not None:
            return min((p for p in options if p.start() > here.end()), key=_date_of, default=None)
        if gran in ("quarter", "half"):  # financial reports: the latest quarter begun
            return max((p for p in options if p.start() <= anchor), key=_date_of, default=None)
        penalty = self._settings["future_penalty"]

        def cost(p: Point) -> tuple[float, dt.date]:
            return p.distance(anchor) * (penalty if p.start() > anchor else 1), p.date

        return min(options, key=cost, default=None)

    @staticmethod
    def _unresolved_calendar(spec: Spec) -> str:
        if spec.holiday:
            rule = spec.holiday
            return f"XXXX-{rule}" if rule[:2].isdigit() else "XXXX-XX-XX"
        month = spec.month or 1
        gran = spec.gran or "day"
        if gran == "day":
            return f"XXXX-{month:02d}-{spec.day or 1:02d}"
        if gran == "month":
            return f"XXXX-{month:02d}"
        if gran == "season":
            return f"XXXX-{spec.season}"
        if gran == "quarter":
            return f"XXXX-Q{(month - 1) // 3 + 1}"
        return f"XXXX-H{1 if month <= 6 else 2}"

    def _weekday(self, spec: Spec, start: int, end: int) -> Resolved:
        gran = spec.gran or "day"
        base = self._ref("day") if spec.anchor == "ref" else None
        base_day = base.date if base else self.anchor
        if base_day is None or spec.weekday is None:
            value = f"XXXX-WXX-{spec.weekday}{spec.suffix}" if gran == "day" else _UNKNOWN[gran]
            return Resolved(value, PRECISION.get(gran))
        if spec.direction == 0:  # "this Friday": the Friday of this week
            day = base_day + dt.timedelta(days=spec.weekday - base_day.isoweekday())
        elif spec.direction is not None:  # "last Friday", "next Friday": never the anchor itself
            day = weekday_near(base_day + dt.timedelta(days=spec.direction), spec.weekday, spec.direction)
        else:
            future = self.sentences.tense(start, end) > 0
            day = weekday_near(base_day, spec.weekday, 1 if future else -1)
        return _done(Point(day, gran), spec.suffix)

    def _shift(self, spec: Spec, start: int, end: int) -> Resolved:
        gran = spec.gran or "day"
        latest = self._ref() if spec.anchor == "ref" and gran == "day" else None
        partial = _partial_day(latest) if latest else None
        if partial is not None:
            return partial
        base = self._base(spec, start)
        if base is None or spec.amount is None or spec.unit is None:
            return _unknown(gran, spec.suffix)
        if spec.inherit and base.gran in ("quarter", "half", "month"):
            gran = base.gran
        day = shift(base.date, int(spec.amount), spec.unit)
        return _done(Point(day, gran), spec.suffix)

    def _base(self, spec: Spec, start: int) -> Point | None:
        if spec.inherit:
            window = self._settings["quarter_context_chars"]
            quarter = self._ref("quarter", since=start - window, exact=True)
            if quarter is not None:
                return quarter
        if spec.anchor == "ref":
            ref = self._ref(spec.gran)
            if ref is not None:
                return ref
        return Point(self.anchor, "day") if self.anchor else None

    def _quarter_ref(self, spec: Spec, start: int, end: int) -> Resolved | None:
        base = self._ref("quarter", exact=True) if spec.anchor == "ref" else None
        if base is None and spec.needs_quarter:
            return _done(spec.point) if spec.point else None
        if base is None:
            if self.anchor is None:
                return _unknown("quarter")
            base = Point(shift(self.anchor, spec.direction or 0, "Q"), "quarter")
        if spec.point is not None:
            base = Point(base.date.replace(year=spec.point.date.year), "quarter")
        day = shift(base.date, int(spec.amount or 0), spec.unit or "Q")
        return _done(Point(day, "quarter"))

    def _clock(self, spec: Spec, start: int, end: int) -> Resolved:
        day = None
        if spec.day_spec is not None:
            day = self.resolve(spec.day_spec, start, end)
        if day is None or day.point is None:
            near = self._near_day(start)
            day = _done(near) if near else None
        if day is None or day.point is None:
            return Resolved("XXXX-XX-XX" + spec.suffix, "day")
        return Resolved(day.point.at("day").value + spec.suffix, "day", day.point.at("day"))

    def _near_day(self, start: int) -> Point | None:
        """The nearest day resolved in the same sentence, else the latest day, else the anchor."""
        same = [
            (abs(pos - start), p)
            for pos, p in self.refs
            if p.gran == "day" and self.sentences.same(pos, start)
        ]
        if same:
            return min(same, key=lambda item: item[0])[1]
        ref = self._ref("day")
        if ref is not None:
            return ref
        return Point(self.anchor, "day") if self.anchor else None
