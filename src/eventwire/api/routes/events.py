"""``/api/events``, ``/api/events/{id}``, ``/api/facets`` and ``/api/places``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request

from eventwire.api.params import (
    ALL_PLACES,
    DEFAULT_LIMIT,
    FACET_PLACES,
    Cursor,
    Limit,
    decode_cursor,
    encode_cursor,
    event_filter,
)
from eventwire.api.records import event_records, mention_detail, mentions
from eventwire.api.responses import JSONResponse
from eventwire.api.stores import store_of
from eventwire.store import EventFilter

router = APIRouter(prefix="/api", tags=["events"])
Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/events")
async def list_events(
    request: Request, chosen: Filter, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> JSONResponse:
    """Events the filters keep, by first day (undated last) then id: `{items, next}`."""
    after = decode_cursor(cursor, 2)
    store = store_of(request)
    page = store.event_page(chosen, after, limit)  # type: ignore[arg-type]
    return JSONResponse({"items": event_records(store, page.rows), "next": encode_cursor(page.next)})


@router.get("/events/{event_id}")
async def get_event(request: Request, event_id: str) -> JSONResponse:
    """One event and every mention of it (the first is the event's own)."""
    store = store_of(request)
    page = store.event_page(EventFilter(ids=(event_id,)), None, 1)
    if not page.rows:
        raise HTTPException(404, f"no event {event_id!r}")
    [record] = event_records(store, page.rows)
    linked = store.linked_events([event_id]).get(event_id)
    ids = linked.mentions if linked else [event_id]
    found = mentions(store, ids)
    return JSONResponse({"event": record, "mentions": [mention_detail(*found[i]) for i in ids if i in found]})


@router.get("/facets")
def facets(request: Request, chosen: Filter) -> JSONResponse:
    """Counts of the events the filters keep: by type, certainty, first day and type, and place."""
    found = store_of(request).event_facets(chosen, FACET_PLACES)
    places = [
        {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country, "count": p.events}
        for p in found.places
    ]
    timeline = [{"date": d, "type": t, "count": n} for d, t, n in found.timeline]
    return JSONResponse(
        {
            "total": found.total,
            "type": found.types,
            "certainty": found.certainty,
            "timeline": timeline,
            "places": places,
        }
    )


@router.get("/places")
def places(request: Request) -> JSONResponse:
    """Every place with located events, most events first."""
    return JSONResponse({"items": [asdict(p) for p in store_of(request).place_counts(ALL_PLACES)]})
