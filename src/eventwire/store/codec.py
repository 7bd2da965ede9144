"""Model records ↔ table rows (no SQL here: the store runs the statements)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

from eventwire.model import Annotations, Article, Entity, EventMention, Place, Quote, Span, TimeExpr
from eventwire.store import eventrows

ARTICLE_COLUMNS = tuple(f.name for f in fields(Article))
_SPAN_FIELDS = ("source", "cue", "content")


@dataclass(frozen=True)
class Codec:
    """How the records of one annotation table become rows and back."""

    record: type
    columns: tuple[str, ...]  # after ``article_id``
    to_row: Callable[[Any], tuple[Any, ...]]
    from_row: Callable[[dict[str, Any]], Any]
    unique: bool = False  # the first column is the record's id, unique in the table


def _flat(record: type) -> Codec:
    """Records whose fields are all scalars: one column per field."""
    names = tuple(f.name for f in fields(record))

    def from_row(row: dict[str, Any]) -> Any:
        return record(**{n: row[n] for n in names})

    return Codec(record, names, lambda r: tuple(asdict(r).values()), from_row)


def _quote_row(quote: Quote) -> tuple[Any, ...]:
    values = asdict(quote)
    for name in _SPAN_FIELDS:
        values[name] = json.dumps([[s["start"], s["end"]] for s in values[name]])
    values["chain"] = json.dumps(values["chain"])
    return tuple(values.values())


def _quote_from_row(row: dict[str, Any]) -> Quote:
    values = {f.name: row[f.name] for f in fields(Quote)}
    for name in _SPAN_FIELDS:
        values[name] = [Span(s, e) for s, e in json.loads(values[name])]
    values["chain"] = json.loads(values["chain"])
    values["direct"] = bool(values["direct"])
    return Quote(**values)


# One codec per annotation table, named as the Annotations field (and the stage) that fills it.
CODECS: dict[str, Codec] = {
    "entities": _flat(Entity),
    "times": _flat(TimeExpr),
    "places": _flat(Place),
    "quotes": Codec(Quote, tuple(f.name for f in fields(Quote)), _quote_row, _quote_from_row),
    "events": Codec(EventMention, eventrows.COLUMNS, eventrows.to_row, eventrows.from_row, unique=True),
}
_TABLE_OF = {codec.record: table for table, codec in CODECS.items()}


def columns(table: str) -> tuple[str, ...]:
    """The columns of an annotation table, after ``article_id``."""
    return CODECS[table].columns


def names(columns: Iterable[str]) -> str:
    """A column list for SQL, each name quoted (``end`` is a reserved word in PostgreSQL)."""
    return ", ".join(f'"{name}"' for name in columns)


def to_row(record: Any) -> tuple[Any, ...]:
    """A record's values in column order, nested parts as JSON."""
    return CODECS[_TABLE_OF[type(record)]].to_row(record)


def from_row(table: str, row: dict[str, Any]) -> Any:
    """Rebuild the record of *table* from a row mapping."""
    return CODECS[table].from_row(row)


def annotation_rows(annotations: Annotations) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per annotation table for one article."""
    return {table: [codec.to_row(r) for r in getattr(annotations, table)] for table, codec in CODECS.items()}
