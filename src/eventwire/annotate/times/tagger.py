"""Tag the time expressions of a text: extract, normalise, anchor."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from eventwire.annotate.times.anchor import Anchorer
from eventwire.annotate.times.context import is_dateline
from eventwire.annotate.times.extract import Candidate, candidates, select
from eventwire.annotate.times.normalise import normalise
from eventwire.annotate.times.spec import Spec
from eventwire.model import TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc


def tag_times(text: str, dct: dt.date | None, doc: Doc | None = None) -> list[TimeExpr]:
    """TIMEX3-style time expressions of *text*, sorted by start, anchored to *dct*.

    *dct* is the publication date; without it deictic expressions stay unresolved (``XXXX``).
    *doc* (the spaCy Doc of *text*) is accepted for the pipeline's signature; the tagger is
    pure regular expressions and does not need it.
    """
    readings: dict[Candidate, Spec] = {}
    for cand in candidates(text):
        spec = normalise(cand)
        if spec is not None:
            readings[cand] = spec
    chosen = select(list(readings))
    anchorer = Anchorer(text, dct)
    _apply_dateline(anchorer, chosen, readings)
    found: dict[Candidate, TimeExpr] = {}
    # Clock times take their day from the dates around them, so they come last (those
    # naming their day first).
    for cand in sorted(chosen, key=lambda c: (readings[c].op == "clock", readings[c].day_spec is None)):
        resolved = anchorer.resolve(readings[cand], cand.start, cand.end)
        if resolved is not None:
            found[cand] = TimeExpr(
                cand.start, cand.end, cand.surface, readings[cand].type, resolved.value, resolved.precision
            )
    return sorted(found.values(), key=lambda t: t.start)


def _apply_dateline(anchorer: Anchorer, chosen: list[Candidate], readings: dict[Candidate, Spec]) -> None:
    """Use a leading dateline date ("TEHRAN, August 8 (Xinhua) --") as the anchor."""
    if not chosen or not is_dateline(chosen[0].text, chosen[0].start):
        return
    spec = readings[chosen[0]]
    if spec.op in ("calendar", "point") and spec.gran in (None, "day"):
        probe = Anchorer(chosen[0].text, anchorer.dct)
        resolved = probe.resolve(spec, chosen[0].start, chosen[0].end)
        if resolved is not None and resolved.point is not None:
            anchorer.use_dateline(resolved.point.date)
