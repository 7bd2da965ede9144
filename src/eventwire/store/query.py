"""Event queries: the filters, the pages and counts they return, and the SQL conditions they make.

An event here is a real-world event, stored as the row of its first mention (``rep = 1``, see
migration 6); the conditions use the indexed columns ``sort_day`` (the first day; undated events
sort last), ``event``, ``place``, ``lat``/``lon``, ``article_id`` and the sentence index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from eventwire.model import EventMention
from eventwire.store.base import SearchHit

if TYPE_CHECKING:
    from eventwire.store.backend import Backend

# SQL condition: the story ({} is its id column) holds two or more canonical articles.
CLUSTERED = "(SELECT count(*) FROM links m WHERE m.story_id = {} AND m.duplicate_of IS NULL) >= 2"
# The longest period a date value names (a year, see periods.py): an event overlapping a range
# starting on day D starts on D minus this or later, which bounds the index scan on ``sort_day``.
LONGEST_PERIOD_DAYS = 366
# The classes of a date's length (``span_class``, migration 6) and the longest span (last day
# minus first) of each: an event of the class overlapping a range from day D starts after D minus it.
SPAN_CLASSES = {0: 0, 1: 6, 2: 30, 3: 91, 4: 183, 5: LONGEST_PERIOD_DAYS}

SortKey = tuple[str, str]  # the sort key of the last row of a page


@dataclass(frozen=True)
class EventFilter:
    """Which events to list; empty fields filter nothing, all given fields must hold."""

    types: tuple[str, ...] = ()  # PLOVER types
    actor: str | None = None  # substring of an actor's or recipient's name, any case
    place: str | None = None  # the location's name, any case
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    date_from: str | None = None  # ISO days: the event's period overlaps date_from..date_to
    date_to: str | None = None
    certainty: tuple[str, ...] = ()
    story: str | None = None
    article: str | None = None  # the article of the first mention
    q: str | None = None  # full-text query over the evidence sentence
    ids: tuple[str, ...] = ()


@dataclass
class EventPage:
    """``(article_id, first mention)`` of each event of a page, and the key to continue after it."""

    rows: list[tuple[str, EventMention]]
    next: SortKey | None


@dataclass(frozen=True)
class PlaceCount:
    """A located place and how many events happened there."""

    name: str
    lat: float
    lon: float
    geonameid: int | None
    country: str | None
    events: int


@dataclass
class EventFacets:
    """Counts of the events a filter keeps: by type, certainty, first day and type, and place."""

    total: int
    types: dict[str, int]
    certainty: dict[str, int]
    timeline: list[tuple[str, str, int]]  # (first day, type, count), by day
    places: list[PlaceCount] = field(default_factory=list)  # most events first


@dataclass
class ArticlePage:
    """Articles of a page (snippets empty unless searched), and the key to continue after it."""

    hits: list[SearchHit]
    next: SortKey | None


def where(f: EventFilter, backend: Backend) -> tuple[str, list[Any]]:
    """The SQL condition on ``events e`` keeping the events *f* describes, and its parameters
    (the *backend* gives the full-text and JSON parts)."""
    terms, args = ["e.rep = 1"], []

    def add(sql: str, *values: Any) -> None:
        terms.append(sql)
        args.extend(values)

    for column, values in (("e.event", f.types), ("e.certainty", f.certainty), ("e.id", f.ids)):
        if values:
            add(f"{column} IN ({marks(values)})", *values)
    if f.article:
        add("e.article_id = ?", f.article)
    if f.story:
        add(f"e.article_id IN (SELECT article_id FROM links WHERE story_id = ?) AND {CLUSTERED.format('?')}",
            f.story, f.story)  # fmt: skip
    if f.place:
        add("e.place = lower(?)", f.place)
    if f.date_to:
        add("e.sort_day <= ?", f.date_to)
    if f.date_from:
        add("e.date_end >= ? AND e.sort_day >= ?", f.date_from, days_before(f.date_from, LONGEST_PERIOD_DAYS))
    if f.bbox:
        west, south, east, north = f.bbox
        add("e.lat BETWEEN ? AND ?", south, north)
        add(f"e.lon {'BETWEEN ? AND ?' if west <= east else '>= ? OR e.lon <= ?'}", west, east)
    if f.actor:
        add(f"({backend.name_in('e.actor')} OR {backend.name_in('e.recipient')})", f.actor, f.actor)
    if f.q:
        add(backend.event_match, f.q)
    return " AND ".join(f"({t})" for t in terms), args


def ordered_conditions(f: EventFilter, backend: Backend) -> list[tuple[str, list[Any]]]:
    """Conditions whose union keeps what :func:`where` keeps, each one an index delivers in
    ``(sort_day, id)`` order with a tight date bound: one per type and date-length class (and the
    undated events when no date is asked). Selective filters (article, story, ids, place, text)
    keep the single condition: their few rows are sorted."""
    if f.article or f.story or f.ids or f.place or f.q:
        return [where(f, backend)]
    common, args = where(replace(f, types=(), date_from=None), backend)
    classes: list[tuple[int | None, int]] = list(SPAN_CLASSES.items())
    if not (f.date_from or f.date_to):
        classes.append((None, 0))
    conditions = []
    for event_type in f.types or (None,):
        for span_class, longest in classes:
            terms, values = [common], list(args)
            if event_type:
                terms.append("e.event = ?")
                values.append(event_type)
            terms.append("e.span_class IS NULL" if span_class is None else f"e.span_class = {span_class}")
            if f.date_from and longest:
                terms.append("e.date_end >= ? AND e.sort_day >= ?")
                values += [f.date_from, days_before(f.date_from, longest)]
            elif f.date_from:  # one day: it starts in the range
                terms.append("e.sort_day >= ?")
                values.append(f.date_from)
            conditions.append((" AND ".join(terms), values))
    return conditions


def days_before(day: str, days: int) -> str:
    """The ISO day *days* days before the ISO day *day*."""
    return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()


def marks(values: tuple[Any, ...] | list[Any]) -> str:
    return ",".join("?" * len(values))
