"""Shared pieces of the evaluation runners: JSONL I/O and precision/recall/F1."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import UserError
from eventwire.export import formats


def read_jsonl(path: Path, required: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL file, skipping blank lines.

    A labelled set with a broken line, or a record without a *required* field, is refused
    (scores over part of it would mislead).
    """
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise UserError(f"{path} line {number}: not valid JSON ({err.msg})") from None
            if not isinstance(record, dict):
                raise UserError(f"{path} line {number}: not a JSON object")
            missing = [name for name in required if name not in record]
            if missing:
                fields = "field" if len(missing) == 1 else "fields"
                raise UserError(f"{path} line {number}: no {', '.join(map(repr, missing))} {fields}")
            yield record


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write *records* one per line to the file *path*; return how many were written."""
    with open(path, "w", encoding="utf-8") as fh:
        return formats.write_jsonl(records, fh)


@dataclass
class PRF:
    """Counts for precision, recall and F1."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}_precision": round(self.precision, 4),
            f"{prefix}_recall": round(self.recall, 4),
            f"{prefix}_f1": round(self.f1, 4),
        }
