"""The underspecified reading of one time expression, before it is anchored."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.annotate.times.calendar import Point


@dataclass(frozen=True)
class Spec:
    """What a matched expression means, up to the anchoring it still needs.

    ``op`` says how to finish it:

    - ``value``: ``value`` is final (durations, sets, PRESENT_REF ...).
    - ``point``: ``point`` is an absolute calendar unit ("August 7, 1998", "1990s").
    - ``calendar``: a month/day, month, season, quarter, half or holiday without a year; the year
      comes from the anchor (``year_shift`` years from it when the text says "last year"), from the
      lexical ``direction`` ("last May") or is the one nearest the anchor.
    - ``weekday``: ``weekday`` (1 = Monday) nearest the anchor in ``direction`` or by tense.
    - ``shift``: the anchor moved by ``amount`` ``unit`` s ("two years ago", "last week",
      "the next day"), seen at granularity ``gran``.
    - ``quarter_ref``: the quarter last mentioned ("the latest quarter"), moved by ``amount``
      ``unit`` s, in the year of ``point`` when given ("the 1988 quarter").
    - ``clock``: a time of day (``suffix``) on the day read by ``day_spec`` or found around it.

    ``anchor`` is ``dct`` (the publication date) or ``ref`` (the date last mentioned in the text).
    """

    type: str
    op: str = "value"
    value: str | None = None
    point: Point | None = None
    gran: str | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    holiday: str | None = None
    direction: int | None = None
    year_shift: int | None = None
    anchor: str = "dct"
    amount: float | None = None
    unit: str | None = None
    suffix: str = ""
    needs_quarter: bool = False  # "the latest period": only when a quarter was mentioned
    inherit: bool = False  # "a year ago": take the granularity of a quarter just mentioned
    day_spec: Spec | None = None
