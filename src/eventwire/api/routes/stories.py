"""``/api/stories`` and ``/api/stories/{id}``."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, HTTPException, Request

from eventwire.api.params import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, encode_cursor
from eventwire.api.records import article_summary, event_records, independent_sources
from eventwire.api.responses import JSONResponse
from eventwire.api.stores import store_of
from eventwire.store import EventFilter

router = APIRouter(prefix="/api", tags=["stories"])


@router.get("/stories")
def list_stories(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> JSONResponse:
    """Stories of two or more independent articles, by id: `{items, next}`."""
    after = decode_cursor(cursor, 1)
    found = store_of(request).story_page(after[0] if after else None, limit + 1)
    more = len(found) > limit
    return JSONResponse(
        {
            "items": [asdict(s) for s in found[:limit]],
            "next": encode_cursor((found[limit - 1].id,)) if more else None,
        }
    )


@router.get("/stories/{story_id}")
def get_story(request: Request, story_id: str) -> JSONResponse:
    """A story: its events (by date), its articles and how many independent outlets report it."""
    store = store_of(request)
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    events = store.event_page(EventFilter(ids=tuple(story.event_ids)), None, max(len(story.event_ids), 1))
    articles = {a.id: a for a in store.articles(story.article_ids)}
    return JSONResponse(
        {
            "story": asdict(story),
            "events": event_records(store, events.rows),
            "articles": [article_summary(articles[i]) for i in story.article_ids if i in articles],
            "sources": independent_sources(store, list(articles.values())),
        }
    )
