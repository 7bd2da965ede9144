"""One store built from the bundled demo corpus for the whole session, and clients of the app over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.demo import sample_paths
from eventwire.export.events import records
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.store import Store, open_store

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    """The demo corpus run through the whole pipeline, once (the store closed: a single file)."""
    path = tmp_path_factory.mktemp("api") / "demo.db"
    store = open_store(path)
    Pipeline(store, resources).run(sample_paths(), "demo")
    store.close()
    return path


@pytest.fixture(scope="session")
def store(demo_db: Path) -> Iterator[Store]:
    """The demo store, to compare the API's answers with (read only)."""
    s = open_store(demo_db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def exported(store: Store) -> dict[str, dict[str, Any]]:
    """The records ``eventwire export events`` writes, by id."""
    return {r["id"]: r for r in records(store)}


def client_of(db: Path, resources: Resources, **settings: Any) -> TestClient:
    app = create_app(str(db), Settings(db=str(db), **settings))
    app.state.resources = resources  # the session's spaCy pipeline, loaded once
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(demo_db: Path, resources: Resources) -> TestClient:
    """A client of the app over the demo store, writing off."""
    return client_of(demo_db, resources)


@pytest.fixture
def writable(tmp_path: Path, demo_db: Path, resources: Resources) -> TestClient:
    """A client of the app over a copy of the demo store, writing on with :data:`TOKEN`."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    return client_of(copy, resources, api_token=TOKEN, max_document_bytes=20_000)


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def pages():  # type: ignore[no-untyped-def]
    """``pages(client, path, params)``: every item of a paginated endpoint, following ``next``."""
    return _pages


def _pages(client: TestClient, path: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    query, cursor = dict(params or {}), None
    while True:
        response = client.get(path, params={**query, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
