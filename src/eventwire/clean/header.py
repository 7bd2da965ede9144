"""Metadata written at the start of a plain-text dump's first line.

Shapes read (in any order, each optional): ``date 2023-03-08`` (a key from ``clean.toml``
then a date), a bare ISO date ``2023-03-08``, a Unix epoch ``1674099876`` (seconds or
milliseconds) and a URL. What follows them on the line is the first line of the document
(a title, often truncated, or the first body sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from eventwire.clean.dates import DateValue, epoch_date, match_date
from eventwire.clean.rules import setting

_EPOCH = re.compile(r"(\d{12,13}|\d{9,10})(?=\s|$)")
_URL = re.compile(r"https?://\S+")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?=\s|$)")
_SEPARATORS = "|:–—-"  # may follow a header token: "1674099876 | Title"


@dataclass(frozen=True)
class Header:
    """What the first line said about the document."""

    date: DateValue | None = None  # from a "date …" key or a bare ISO date
    epoch_date: str | None = None  # UTC date of a Unix epoch
    url: str | None = None


def read_header(lines: list[str]) -> tuple[Header, list[str]]:
    """The header of the first non-blank line and the lines with the header taken off."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return Header(), lines
    header, rest = _parse(lines[first])
    if rest == lines[first].strip():
        return Header(), lines
    return header, [*lines[:first], rest, *lines[first + 1 :]]


def _parse(line: str) -> tuple[Header, str]:
    """Consume header tokens from the start of *line*; return them and the rest of the line."""
    header, pos = Header(), len(line) - len(line.lstrip())
    while step := _token(line, pos, header):
        header, pos = step
        while pos < len(line) and (line[pos].isspace() or line[pos] in _SEPARATORS):
            pos += 1
    return header, line[pos:].strip()


def _token(line: str, pos: int, header: Header) -> tuple[Header, int] | None:
    """Read one header token at *pos*; return the header with it and where it ends."""
    key = _date_key().match(line, pos)
    start = key.end() if key else pos if _ISO.match(line, pos) else None
    if header.date is None and start is not None:
        if dated := match_date(line, start):
            return replace(header, date=dated[0]), dated[1]
        if key and (numeric := _NUMERIC_DATE.match(line, start)):
            return header, numeric.end()  # a date that cannot be read unambiguously: no date
    epoch = _EPOCH.match(line, pos)
    if epoch and header.epoch_date is None and (day := epoch_date(int(epoch[1]))):
        return replace(header, epoch_date=day), epoch.end()
    url = _URL.match(line, pos)
    if url and header.url is None:
        return replace(header, url=url[0]), url.end()
    return None


@cache
def _date_key() -> re.Pattern[str]:
    keys = "|".join(re.escape(k) for k in setting("header", "date_keys"))
    return re.compile(rf"(?:{keys})\b\s*[:=]?\s*", re.IGNORECASE)
