"""Store fixtures: each store test runs on a SQLite file and, when ``$EVENTWIRE_TEST_POSTGRES``
names a PostgreSQL server (``tools/pg_test_server.sh start``), on a fresh database of it too."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest

from eventwire.store import open_store

SERVER = os.environ.get("EVENTWIRE_TEST_POSTGRES", "")
BACKENDS = ["sqlite", "postgres"] if SERVER else ["sqlite"]
collect_ignore = [] if SERVER else ["test_postgres.py"]  # PostgreSQL against SQLite


def pytest_report_collectionfinish(config: pytest.Config) -> str:
    """Say which backends the store tests run on (the run's header comes before this folder's
    conftest is read, so the note follows the collection)."""
    if SERVER:
        return f"store tests: sqlite and postgres ({SERVER})"
    return "store tests: sqlite only (set EVENTWIRE_TEST_POSTGRES to a server URL for the postgres leg)"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[tuple[object, str]]:
    """A connection to a database made on the test server for this session, and its URL; the
    tests fail (never skip) when the server cannot be reached."""
    import psycopg

    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.fail(
            f"EVENTWIRE_TEST_POSTGRES={SERVER} is set but the server is unreachable ({exc});"
            " start it with tools/pg_test_server.sh start",
            pytrace=False,
        )
    name = f"eventwire_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(SERVER)._replace(path=f"/{name}", query="").geturl()
    db = psycopg.connect(url, autocommit=True)
    yield db, url
    db.close()
    admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def pg_url(pg_database) -> Iterator[str]:
    """The URL of a new, empty store on the test server (a schema of the session's database,
    dropped after the test)."""
    db, url = pg_database
    schema = f"test_{uuid.uuid4().hex[:12]}"
    db.execute(f"CREATE SCHEMA {schema}")
    yield f"{url}?{urlencode({'options': f'-csearch_path={schema}'})}"
    db.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path) -> str:
    """Where a new store goes: a SQLite file path, or a PostgreSQL database URL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "s.db")


@pytest.fixture
def store(location):
    """An empty store of the latest schema, on each backend."""
    s = open_store(location)
    yield s
    s.close()
