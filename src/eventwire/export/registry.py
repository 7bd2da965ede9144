"""Every export: a kind of stored data in one of its formats, as the rows and their writer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from eventwire.errors import UserError
from eventwire.export import events
from eventwire.export.acled import acled_row
from eventwire.export.formats import WRITERS, write_csv, write_geojson, write_jsonl
from eventwire.export.geojson import feature
from eventwire.export.plover import plover_record
from eventwire.export.rows import KINDS
from eventwire.store import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class Format:
    """What one export writes: the rows read from the store, and the writer that formats them."""

    rows: Callable[[Store], Iterable[Row]]
    write: Callable[[Iterable[Row], TextIO], int]


def _view(shape: Callable[[Row], Row | None]) -> Callable[[Store], Iterator[Row]]:
    """The rows of an events view: *shape* of each event record, skipping those it declines."""

    def rows(store: Store) -> Iterator[Row]:
        for record in events.records(store):
            row = shape(record)
            if row is not None:
                yield row

    return rows


EXPORTS: dict[str, dict[str, Format]] = {
    **{kind: {fmt: Format(rows, write) for fmt, write in WRITERS.items()} for kind, rows in KINDS.items()},
    "events": {
        "jsonl": Format(events.records, write_jsonl),
        "plover": Format(_view(plover_record), write_jsonl),
        "csv": Format(_view(events.csv_row), write_csv),
        "acled": Format(_view(acled_row), write_csv),
        "geojson": Format(_view(feature), write_geojson),
    },
}


def get_format(kind: str, fmt: str) -> Format:
    """The export of *kind* in format *fmt*; a UserError names the formats the kind has."""
    formats = EXPORTS[kind]
    if fmt not in formats:
        raise UserError(f"unknown export format {fmt!r} for {kind}; choose one of {', '.join(formats)}")
    return formats[fmt]
