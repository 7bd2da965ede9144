"""One store connection per thread (a SQLite connection stays in the thread that opened it; a
PostgreSQL connection is not shared between threads either).

Endpoints whose work an index and the page limit bound (an event page, one event, one article)
are ``async``: they run on the event loop's thread, with its connection, and skip the thread
pool's hand-over, which under load cost as much as the query. Aggregates (facets, places,
stories, exports, article search) stay plain functions that FastAPI runs in its thread pool, so
a slow one never holds up the loop.
"""

from __future__ import annotations

import threading

from fastapi import Request

from eventwire.store import Store, open_store


class Stores:
    """Opens the store at *db* once in each thread that asks for it."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.db)
        return store


def store_of(request: Request) -> Store:
    """This thread's store of the app. Call it in the endpoint's body, not as a dependency: sync
    dependencies and endpoints may run in different threads."""
    return request.app.state.stores.get()  # type: ignore[no-any-return]
