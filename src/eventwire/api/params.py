"""Query parameters: the event filters, page sizes and opaque cursors, checked into clear 400s."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import re
from typing import Annotated, Any

from fastapi import HTTPException, Query

from eventwire.events.ontology import normalise_type
from eventwire.store import EventFilter

CERTAINTIES = ("asserted", "claimed", "unverified", "denied")
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
FACET_PLACES = 500  # places listed by /api/facets (most events first)
ALL_PLACES = 10_000  # places listed by /api/places
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1..{MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]


def bad(message: str) -> HTTPException:
    return HTTPException(400, message)


async def event_filter(
    types: Annotated[list[str], Query(alias="type", description="PLOVER event type (repeatable).")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(description="Part of an actor's or recipient's name.")] = None,
    place: Annotated[str | None, Query(description="Place name (any case).")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD; events overlapping the range.")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD.")] = None,
    certainty: Annotated[list[str], Query(description=f"One of {', '.join(CERTAINTIES)} (repeatable).")] = [],  # noqa: B006
    story: Annotated[str | None, Query(description="Story id.")] = None,
    article: Annotated[str | None, Query(description="Article id (of the event's first mention).")] = None,
    q: Annotated[str | None, Query(description="Full-text query over the evidence sentence.")] = None,
) -> EventFilter:
    """The event filter of the query string (a FastAPI dependency; ``async`` only so that FastAPI
    runs it on the event loop, without a hand-over to its thread pool)."""
    first, last = day(date_from, "date_from"), day(date_to, "date_to")
    if first and last and first > last:
        raise bad(f"date_from {first} is after date_to {last}")
    return EventFilter(
        types=tuple(event_type(t) for t in _split(types)),
        actor=actor or None,
        place=place or None,
        bbox=parse_bbox(bbox) if bbox else None,
        date_from=first,
        date_to=last,
        certainty=tuple(_certainty(c) for c in _split(certainty)),
        story=story or None,
        article=article or None,
        q=(q or "").strip() or None,
    )


def _split(values: list[str]) -> list[str]:
    """Repeated values, each possibly comma-separated."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def event_type(name: str) -> str:
    try:
        return normalise_type(name)
    except ValueError:
        raise bad(f"unknown event type {name!r}") from None


def _certainty(value: str) -> str:
    if value.lower() not in CERTAINTIES:
        raise bad(f"unknown certainty {value!r}; choose one of {', '.join(CERTAINTIES)}")
    return value.lower()


def day(value: str | None, name: str) -> str | None:
    """An ISO day (YYYY-MM-DD), checked; None when not given."""
    if not value:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise bad(f"{name} must be a day as YYYY-MM-DD, not {value!r}") from None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees; west may exceed east (a box across the antimeridian)."""
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise bad(f"bbox must be west,south,east,north in degrees, not {value!r}") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise bad("bbox values must be finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad("bbox must have -180 <= west, east <= 180 and -90 <= south <= north <= 90")
    return west, south, east, north


def encode_cursor(key: tuple[Any, ...] | None) -> str | None:
    """The opaque cursor of a sort key: URL-safe base64 of its JSON."""
    if key is None:
        return None
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> tuple[str, ...] | None:
    """The sort key of a cursor of *size* strings; a 400 for anything else."""
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error):
        raise bad("bad cursor: pass the `next` value of the previous page unchanged") from None
    if not (isinstance(key, list) and len(key) == size and all(isinstance(k, str) for k in key)):
        raise bad("bad cursor: pass the `next` value of the previous page unchanged")
    return tuple(key)
