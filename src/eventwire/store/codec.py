"""Model records ↔ table rows (no SQL here: the store runs the statements)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from eventwire.model import Annotations, Article, Entity, Place, Quote, Span, TimeExpr

RECORD_TYPES: dict[str, type] = {"entities": Entity, "times": TimeExpr, "places": Place, "quotes": Quote}
ARTICLE_COLUMNS = tuple(f.name for f in fields(Article))
_SPAN_FIELDS = ("source", "cue", "content")


def columns(table: str) -> tuple[str, ...]:
    """The columns of an annotation table, after ``article_id``."""
    return tuple(f.name for f in fields(RECORD_TYPES[table]))


def to_row(record: Any) -> tuple[Any, ...]:
    """A record's values in column order, spans and lists as JSON."""
    values = asdict(record)
    if isinstance(record, Quote):
        for name in (*_SPAN_FIELDS, "chain"):
            values[name] = json.dumps(
                [[s["start"], s["end"]] for s in values[name]] if name in _SPAN_FIELDS else values[name]
            )
    return tuple(values.values())


def from_row(table: str, row: dict[str, Any]) -> Any:
    """Rebuild the record of *table* from a row mapping."""
    values = {name: row[name] for name in columns(table)}
    if table == "quotes":
        for name in _SPAN_FIELDS:
            values[name] = [Span(s, e) for s, e in json.loads(values[name])]
        values["chain"] = json.loads(values["chain"])
        values["direct"] = bool(values["direct"])
    return RECORD_TYPES[table](**values)


def annotation_rows(annotations: Annotations) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per annotation table for one article."""
    return {table: [to_row(r) for r in getattr(annotations, table)] for table in RECORD_TYPES}
