"""The store: the only part of eventwire that speaks SQL."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import UserError
from eventwire.store.backend import connect
from eventwire.store.base import (
    ArticleLink,
    EventWindow,
    LinkBatch,
    LinkWindow,
    RunInfo,
    SearchHit,
    StageTiming,
    Store,
    StoryMerge,
    StoryRecord,
    StorySplit,
    TableInfo,
)
from eventwire.store.query import ArticlePage, EventFacets, EventFilter, EventPage, PlaceCount, SortKey
from eventwire.store.sql import SQLStore

__all__ = [
    "ArticleLink",
    "ArticlePage",
    "EventFacets",
    "EventFilter",
    "EventPage",
    "EventWindow",
    "LinkBatch",
    "LinkWindow",
    "PlaceCount",
    "RunInfo",
    "SQLStore",
    "SearchHit",
    "SortKey",
    "StageTiming",
    "Store",
    "StoryMerge",
    "StoryRecord",
    "StorySplit",
    "TableInfo",
    "open_store",
]


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating) the store at *location*: a SQLite file path, or a
    ``postgresql://`` (``postgres://``) URL of a PostgreSQL database."""
    location = str(location)
    if not location.startswith(("postgres://", "postgresql://")):
        parent = Path(location).parent
        if not parent.is_dir():
            raise UserError(f"cannot create store {location}: folder {parent} does not exist")
    return SQLStore(connect(location))
