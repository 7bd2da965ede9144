"""The publication date with its provenance, from the first source that states one.

Order: the container's date string (``field``; ``html-meta`` for HTML/WARC), the first-line
``header`` date, a header ``epoch`` (its UTC date), a date in the ``url`` path, then the
``text``: a "Published …" line, a line that is only a date near the top, or a dateline
("MOSCOW, March 8, 2023 (Agency) —"). When none says, the date is None: never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.clean.dates import TIME, DateValue, find_date, match_date, url_date
from eventwire.clean.header import Header
from eventwire.clean.rules import setting
from eventwire.model import RawDocument

CONTAINER_SOURCE = {"html": "html-meta", "warc": "html-meta"}  # other formats: "field"
_TAIL = re.compile(rf"{TIME}(?:\s*[|,;·•]\s*(?:last\s+)?updated\b.*)?\s*\.?", re.IGNORECASE)
_DATELINE = re.compile(r"[A-Z][\w.'’ -]{1,40}?,\s*(?:[A-Z][\w.'’ -]{1,30}?,\s*)?")
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
    """A date stated by the text: a "Published …" line, a bare date line near the top, a dateline."""
    body = [line for line in lines if line]
    for n, line in enumerate(body):
        if value := date_line(line, top=n < setting("dates", "bare_date_top_lines")):
            return value
    return dateline(body[0]) if body else None


def date_line(line: str, top: bool = False) -> DateValue | None:
    """The date of a line that only states a date: "Published 8 March 2023, 10:30 GMT";
    with *top*, also a line that is only a date."""
    key = _line_key().match(line)
    if key is None and not top:
        return None
    found = match_date(line, key.end() if key else 0)
    if found and _TAIL.fullmatch(line, found[1]):
        return found[0]
    return None


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
    for line in lines:
        top = sum(1 for k in kept if k) < setting("dates", "bare_date_top_lines")
        if not line or date_line(line, top) is None:
            kept.append(line)
    return kept


@cache
def _line_key() -> re.Pattern[str]:
    keys = sorted(setting("dates", "line_keys"), key=len, reverse=True)
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?:{alternation})\b\s*(?:on\b|:)?\s*", re.IGNORECASE)
