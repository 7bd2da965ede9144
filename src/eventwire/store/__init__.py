"""The store: the only part of eventwire that speaks SQL."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import UserError
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
from eventwire.store.sqlite import SQLiteStore

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
    "SQLiteStore",
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
    """Open (creating and migrating) the store at a file path."""
    location = str(location)
    if location.startswith(("postgres://", "postgresql://")):
        raise UserError("PostgreSQL stores are not supported yet; use a SQLite file path")
    parent = Path(location).parent
    if not parent.is_dir():
        raise UserError(f"cannot create store {location}: folder {parent} does not exist")
    return SQLiteStore(location)
