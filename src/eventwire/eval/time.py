"""``eventwire eval time``: TIMEX3 extraction and normalisation scores, TempEval-3 style."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.annotate.times import tag_times
from eventwire.eval.common import PRF, read_jsonl, write_jsonl
from eventwire.resources import Resources

Timex = dict[str, Any]


def evaluate(path: Path, predictions: Path, resources: Resources) -> dict[str, float]:
    """Tag the records of *path*, write *predictions* and score them against the gold timexes.

    Reads only ``id``, ``dct`` (ISO date or null) and ``text`` of each record, and ``timexes``
    (``start``, ``end``, ``type``, ``value``) as gold. Writes one line per record:
    ``{"id", "timexes": [{"start", "end", "type", "value"}]}``.

    Scores (TempEval-3 Task A):

    - strict span P/R/F1: predicted and gold spans identical;
    - relaxed span P/R/F1: spans overlap (pairs matched one-to-one, largest overlap first);
    - type and value P/R/F1: a relaxed pair with equal type (value) is a true positive;
      precision = tp / predicted timexes, recall = tp / gold timexes (so value F1 = relaxed
      F1 x value accuracy on the matched pairs, TE3's ranking score);
    - type and value accuracy: the share of relaxed pairs with equal type (value).

    *resources* is unused: the tagger needs no model (kept for the runners' common signature).
    """
    del resources
    rows, counts = [], _Counts()
    for record in read_jsonl(path, ("id", "text")):
        dct = dt.date.fromisoformat(record["dct"][:10]) if record.get("dct") else None
        found = [
            {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
            for t in tag_times(record["text"], dct)
        ]
        rows.append({"id": record["id"], "timexes": found})
        counts.add(record.get("timexes", []), found)
    write_jsonl(predictions, rows)
    return counts.metrics()


class _Counts:
    """Running strict, relaxed, type and value counts over documents."""

    def __init__(self) -> None:
        self.strict, self.relaxed, self.type, self.value = PRF(), PRF(), PRF(), PRF()
        self.pairs = 0

    def add(self, gold: list[Timex], found: list[Timex]) -> None:
        exact = {(g["start"], g["end"]) for g in gold} & {(f["start"], f["end"]) for f in found}
        self._count(self.strict, len(exact), len(gold), len(found))
        pairs = match_relaxed(gold, found)
        self.pairs += len(pairs)
        self._count(self.relaxed, len(pairs), len(gold), len(found))
        for prf, attr in ((self.type, "type"), (self.value, "value")):
            tp = sum(g[attr] == f[attr] for g, f in pairs)
            self._count(prf, tp, len(gold), len(found))

    @staticmethod
    def _count(prf: PRF, tp: int, gold: int, found: int) -> None:
        prf.tp += tp
        prf.fn += gold - tp
        prf.fp += found - tp

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, prf in (
            ("strict", self.strict),
            ("relaxed", self.relaxed),
            ("type", self.type),
            ("value", self.value),
        ):
            out.update(prf.metrics(name))
        for name, prf in (("type", self.type), ("value", self.value)):
            out[f"{name}_accuracy"] = round(prf.tp / self.pairs, 4) if self.pairs else 0.0
        out["gold"] = self.relaxed.tp + self.relaxed.fn
        out["predicted"] = self.relaxed.tp + self.relaxed.fp
        return out


def match_relaxed(gold: Iterable[Timex], found: Iterable[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping gold and found timexes, largest overlap first."""
    overlaps = []
    for g in gold:
        for f in found:
            overlap = min(g["end"], f["end"]) - max(g["start"], f["start"])
            if overlap > 0:
                overlaps.append((overlap, g, f))
    pairs, used_gold, used_found = [], set(), set()
    for _, g, f in sorted(overlaps, key=lambda item: -item[0]):
        if id(g) not in used_gold and id(f) not in used_found:
            pairs.append((g, f))
            used_gold.add(id(g))
            used_found.add(id(f))
    return pairs
