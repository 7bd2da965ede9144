"""One store connection per worker thread (a SQLite connection stays in the thread that opened it)."""

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
