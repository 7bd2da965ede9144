"""The publication date with its provenance, from the first source that states one.

Order: the container's date string (``field``; ``html-meta`` for HTML/WARC), the first-line
``header`` date, a header ``epoch`` (its UTC date), a date in the ``url`` path, then the
``text``: a "Published …" line anywhere, or near the top a line that is only a date or a
dateline ("MOSCOW, March 8, 2023 (Agency) —"). When none says, the date is None: never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.clean.dates import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    DateValue,
    find_date,
    match_date,
    search_date,
    url_date,
)
from eventwire.clean.header import Header
from eventwire.clean.rules import setting
from eventwire.model import RawDocument

CONTAINER_SOURCE = {"html": "html-meta", "warc": "html-meta"}  # other formats: "field"
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_PLACE = r"[A-Z](?:[^\W\d_]|[.'’ -]){1,40}?,\s*"  # "MOSCOW, " or "Shebekino, Russia, "
_DATELINE = re.compile(rf"{_PLACE}(?:{_PLACE})?")
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[-–—]")


@dataclass(frozen=True)
class Published:
    """A publication date, where it was found and how precise it is."""

    date: str
    source: str  # field, html-meta, header, epoch, url, text
    precision: str  # day, month, year


def find_published(raw: RawDocument, header: Header, lines: list[str]) -> Published | None:
    """The publication date of a document from its container, header, URL or text *lines*."""
    if raw.published and (value := find_date(raw.published)):
        return Published(value.iso, CONTAINER_SOURCE.get(raw.fmt, "field"), value.precision)
    if header.date:
        return Published(header.date.iso, "header", header.date.precision)
    if header.epoch_date:
        return Published(header.epoch_date, "epoch", "day")
    url = raw.url or header.url
    if url and (value := url_date(url)):
        return Published(value.iso, "url", value.precision)
    if value := text_date(lines):
        return Published(value.iso, "text", value.precision)
    return None


def text_date(lines: list[str]) -> DateValue | None:
    """A date the text states: a "Published …" line; near the top, a line that is only a date
    or a dateline."""
    body = [line for line in lines if line]
    for line in body:
        if value := date_line(line):
            return value
    for line in body[: setting("dates", "top_lines")]:
        if value := date_line(line, top=True) or dateline(line):
            return value
    return None


def date_line(line: str, top: bool = False) -> DateValue | None:
    """The date of a line that only states a date, such as "Published: 8 March 2023, 10:30
    GMT | Updated 9 March": besides the date, only times, zones, weekdays, month names,
    numbers, punctuation and the words of ``[dates]`` in clean.toml. One of the ``keys``
    ("published", "updated", …) must be there unless the line is near the *top*."""
    found = search_date(line) if len(line) <= setting("dates", "line_max_chars") else None
    if found is None:
        return None
    value, start, end = found
    words = [w.casefold() for w in _TOKEN.findall(line[:start] + " " + line[end:])]
    vocabulary = _vocabulary()
    if not all(w in vocabulary or not w.isalpha() for w in words):
        return None
    return value if top or any(w in _keys() for w in words) else None


def dateline(paragraph: str) -> DateValue | None:
    """The date of a dateline opening *paragraph*: "KYIV, March 8, 2023 (Agency) — …"."""
    place = _DATELINE.match(paragraph)
    found = match_date(paragraph, place.end()) if place else None
    if found and _DATELINE_END.match(paragraph, found[1]):
        return found[0]
    return None


def drop_date_lines(lines: list[str]) -> list[str]:
    """*lines* without lines that only state a date (metadata, not body sentences)."""
    kept: list[str] = []
    n = 0  # non-blank lines seen
    for line in lines:
        if line:
            n += 1
            if date_line(line, top=n <= setting("dates", "top_lines")):
                continue
        kept.append(line)
    return kept


@cache
def _keys() -> frozenset[str]:
    return frozenset(setting("dates", "keys"))


@cache
def _vocabulary() -> frozenset[str]:
    """Words allowed on a date line besides the date."""
    words = [*setting("dates", "keys"), *setting("dates", "filler_words")]
    zones = [z.casefold() for z in setting("dates", "time_zones")]
    calendar = [*MONTH_NAMES, *MONTHS, *WEEKDAYS, *(d[:3] for d in WEEKDAYS)]
    return frozenset([*words, *zones, *calendar])
