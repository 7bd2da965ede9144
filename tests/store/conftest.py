import pytest

from eventwire.store import open_store


@pytest.fixture
def store(tmp_path):
    """An empty store of the latest schema in a temporary file."""
    s = open_store(tmp_path / "s.db")
    yield s
    s.close()
