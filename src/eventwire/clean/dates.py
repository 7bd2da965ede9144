"""Dates written in metadata, URLs and text → ISO date with its precision (day, month, year).

Nothing is guessed: a numeric date whose day and month cannot be told apart (03/04/2023)
and a date without a year give nothing.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from eventwire.clean.rules import setting


class DateValue(NamedTuple):
    """A date as ISO text (YYYY-MM-DD, YYYY-MM or YYYY) and its precision."""

    iso: str
    precision: str  # day, month, year


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name[:3]: n for n, name in enumerate(MONTH_NAMES, 1)} | {"sept": 9}
_MONTH = r"\b(?:" + "|".join(sorted({*MONTH_NAMES, *MONTHS}, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:\b(?:" + "|".join([*WEEKDAYS, *(d[:3] for d in WEEKDAYS)]) + r")\.?,?\s+)?"
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2}|\(?(?-i:[A-Z]{2,5})\)?)"
_TIME = (
    r"(?:(?:T|\s+|,\s*)(?:at\s+|@\s*)?\d{1,2}[:.]\s?\d{2}(?::\d{2}(?:\.\d+)?)?"
    rf"\s*(?:[ap]\.?(?:m\.?)?)?\s*{_ZONE}?)?"
)
_Y = r"(?P<y>\d{4})(?!\d)"
_D = r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_FORMS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)" + _TIME,
        r"(?<!\d)(?P<y>\d{4})([/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)",
        rf"{_WEEKDAY}(?P<mon>{_MONTH})\s+{_D},?\s+{_Y}",
        rf"{_WEEKDAY}{_D}\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+{_Y}",
        rf"(?<!\d)(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.{_Y}",
        rf"(?<!\d)(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_Y}",
        rf"(?P<mon>{_MONTH}),?\s+{_Y}",
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})(?![\d-])",
    )
]
_EPOCH = re.compile(r"\d{9,10}|\d{12,13}")
_YEAR = re.compile(r"\d{4}")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_URL_FORMS = [
    (re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$)"), "day"),
    (
        re.compile(r"(?:^|[/_.-])(?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})(?=[/_.-]|$)"),
        "day",
    ),
    (re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/"), "month"),
]


def match_date(text: str, pos: int = 0) -> tuple[DateValue, int] | None:
    """The date written at *pos* in *text* and the offset where it ends."""
    for form in _FORMS:
        m = form.match(text, pos)
        if m and (value := _value(m)):
            return value, m.end()
    return None


def search_date(text: str) -> tuple[DateValue, int, int] | None:
    """The first date written anywhere in *text*, with its start and end offsets."""
    if not _HAS_YEAR.search(text):  # every form has a four-digit year: skip the rest fast
        return None
    best: tuple[DateValue, int, int] | None = None
    for form in _FORMS:
        for m in form.finditer(text):
            if best is not None and m.start() >= best[1]:
                break
            if value := _value(m):
                best = (value, m.start(), m.end())
                break
    return best


def find_date(value: str) -> DateValue | None:
    """The date in a metadata string: ISO, RFC 2822, "8 March 2023", an epoch, a bare year."""
    value = value.strip()
    if _EPOCH.fullmatch(value):
        iso = epoch_date(int(value))
        return DateValue(iso, "day") if iso else None
    if _YEAR.fullmatch(value) and _valid_year(int(value)):
        return DateValue(value, "year")
    found = search_date(value)
    return found[0] if found else None


def epoch_date(seconds: int) -> str | None:
    """The UTC date of a Unix epoch in seconds (or milliseconds), if within the accepted years."""
    if seconds >= 10**11:
        seconds //= 1000
    low = setting("header", "epoch_min_year")
    high = setting("header", "epoch_max_year")
    start = datetime(low, 1, 1, tzinfo=UTC).timestamp()
    end = datetime(high + 1, 1, 1, tzinfo=UTC).timestamp()
    if not start <= seconds < end:
        return None
    return datetime.fromtimestamp(seconds, UTC).date().isoformat()


def url_date(url: str) -> DateValue | None:
    """A date in a URL path: /2023/03/08/, /20230308-slug, /2023-03-08/ or /2023/03/ (month)."""
    path = urlsplit(url).path
    for pattern, precision in _URL_FORMS:
        for m in pattern.finditer(path):
            day = int(m["d"]) if precision == "day" else 1
            if value := _make(int(m["y"]), int(m["m"]), day, precision):
                return value
    return None


def _value(m: re.Match[str]) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month = MONTHS[groups["mon"].rstrip(".").lower()[:3]]
    elif groups.get("a"):
        return _ambiguous(int(groups["a"]), int(groups["b"]), year)
    else:
        month = int(groups["m"])
    if groups.get("d") is None:
        return _make(year, month, 1, "month")
    return _make(year, month, int(groups["d"]), "day")


def _ambiguous(a: int, b: int, year: int) -> DateValue | None:
    """``a/b/year``: a date only when day and month can be told apart."""
    if a > 12 >= b:
        return _make(year, b, a, "day")
    if b > 12 >= a or a == b:
        return _make(year, a, b, "day")
    return None


def _make(year: int, month: int, day: int, precision: str) -> DateValue | None:
    if not _valid_year(year):
        return None
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    iso = when.isoformat() if precision == "day" else when.isoformat()[:7]
    return DateValue(iso, precision)


def _valid_year(year: int) -> bool:
    return setting("dates", "min_year") <= year <= setting("dates", "max_year")
