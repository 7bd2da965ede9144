"""EventMention ↔ ``events`` table row: nested records as JSON, plus columns the filters use.

Spans that every event has (``trigger``, ``sentence``) are integer column pairs; the optional
and nested parts (participants, location, date, sizes, ACLED code, other spans) are JSON
objects in their own column. The index columns repeat what filters need (the date's first and
last day, the place, its country, the ACLED code); they are written here and never read back.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from dataclasses import asdict, fields, is_dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from eventwire.model import EventMention, Span
from eventwire.store.periods import period

_SPANS = ("trigger", "sentence")
_SCALARS = ("id", "event", "aux", "certainty", "confidence")
_JSON = tuple(f.name for f in fields(EventMention) if f.name not in (*_SPANS, *_SCALARS))
_INDEX = ("date_start", "date_end", "geonameid", "country", "acled_code")


def _record_columns() -> tuple[str, ...]:
    names: list[str] = []
    for f in fields(EventMention):
        names += [f"{f.name}_start", f"{f.name}_end"] if f.name in _SPANS else [f.name]
    return tuple(names)


RECORD_COLUMNS = _record_columns()
COLUMNS = (*RECORD_COLUMNS, *_INDEX)


def to_row(event: EventMention) -> tuple[Any, ...]:
    """The event's values in ``COLUMNS`` order."""
    values: list[Any] = []
    for f in fields(EventMention):
        value = getattr(event, f.name)
        if f.name in _SPANS:
            values += [value.start, value.end]
        elif f.name in _JSON:
            values.append(None if value is None else json.dumps(_plain(value), ensure_ascii=False))
        else:
            values.append(value)
    return (*values, *_index(event))


def from_row(row: dict[str, Any]) -> EventMention:
    """Rebuild the EventMention stored in *row* (a mapping of column names)."""
    hints = _hints(EventMention)
    values: dict[str, Any] = {}
    for f in fields(EventMention):
        if f.name in _SPANS:
            values[f.name] = Span(row[f"{f.name}_start"], row[f"{f.name}_end"])
        elif f.name in _JSON:
            raw = row[f.name]
            values[f.name] = None if raw is None else _build(hints[f.name], json.loads(raw))
        else:
            values[f.name] = row[f.name]
    return EventMention(**values)


def _index(event: EventMention) -> tuple[Any, ...]:
    days = period(event.date.value) if event.date else None
    place = event.location
    return (
        days[0].isoformat() if days else None,
        days[1].isoformat() if days else None,
        place.geonameid if place else None,
        place.country if place else None,
        event.acled.code if event.acled else None,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return asdict(value) if is_dataclass(value) else value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(hint: Any, data: Any) -> Any:
    """Rebuild a value of type *hint* (a record, ``X | None``, ``list[X]``, a scalar) from JSON."""
    return _decoder(hint)(data)


@cache
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """The function rebuilding values of type *hint* from JSON, made once per type."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        [inner] = [a for a in get_args(hint) if a is not type(None)]
        return _decoder(inner)
    if origin is list:
        item = _decoder(get_args(hint)[0])
        return lambda data: None if data is None else [item(x) for x in data]
    if is_dataclass(hint):
        parts = {name: _decoder(field_hint) for name, field_hint in _hints(hint).items()}
        return lambda data: None if data is None else hint(**{k: parts[k](v) for k, v in data.items()})
    return lambda data: data
