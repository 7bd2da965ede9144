"""JSONL and CSV records → RawDocument, with configurable field names."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from eventwire.errors import UserError
from eventwire.model import RawDocument, Reject

# Field of RawDocument → column names tried in order (the user's choice goes first).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link", "href"),
    "date": ("date", "published", "published_at", "pubdate", "date_publish", "datetime"),
    "outlet": ("outlet", "source", "publisher", "site", "source_name"),
}


@dataclass(frozen=True)
class FieldMap:
    """Which input column fills which RawDocument field."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))

    @classmethod
    def parse(cls, specs: tuple[str, ...] | list[str]) -> FieldMap:
        """Build from ``name=column`` strings, e.g. ``text=body``."""
        columns = dict(DEFAULT_FIELDS)
        for spec in specs:
            name, sep, column = spec.partition("=")
            if not sep or name not in DEFAULT_FIELDS or not column:
                known = ", ".join(DEFAULT_FIELDS)
                raise UserError(f"bad field mapping {spec!r}: use NAME=COLUMN with NAME one of {known}")
            columns[name] = (column, *columns[name])
        return cls(columns)

    def get(self, record: dict[str, Any], name: str) -> str | None:
        for column in self.columns[name]:
            value = record.get(column)
            if value not in (None, ""):
                return str(value)
        return None


def from_record(record: Any, source: str, fmt: str, fields: FieldMap) -> RawDocument | Reject:
    """One parsed record → RawDocument, or a Reject saying what is wrong with it."""
    if not isinstance(record, dict):
        return Reject(source, "malformed", "record is not an object")
    text = fields.get(record, "text")
    if text is None:
        return Reject(source, "malformed", "record has no text field")
    return RawDocument(
        source=source,
        fmt=fmt,
        raw_text=text,
        title=fields.get(record, "title"),
        url=fields.get(record, "url"),
        published=fields.get(record, "date"),
        outlet=fields.get(record, "outlet"),
    )


def read_jsonl(text: str, source: str, fields: FieldMap) -> Iterator[RawDocument | Reject]:
    """Records of a JSONL file (or a JSON array); a bad line is rejected, the rest go on."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield Reject(source, "malformed", f"invalid JSON: {exc.msg} at line {exc.lineno}")
            return
        for n, record in enumerate(records, 1):
            yield from_record(record, f"{source}#{n}", "jsonl", fields)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{source}#{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(name, "malformed", f"invalid JSON on line {n}: {exc.msg}")
            continue
        yield from_record(record, name, "jsonl", fields)


def read_csv(text: str, source: str, fields: FieldMap) -> Iterator[RawDocument | Reject]:
    """Rows of a CSV/TSV file with a header line."""
    csv.field_size_limit(1 << 30)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        for n, row in enumerate(reader, 2):
            yield from_record(row, f"{source}#{n}", "csv", fields)
    except csv.Error as exc:
        yield Reject(f"{source}#{reader.line_num}", "malformed", f"CSV error: {exc}")
