"""Session fixtures: the shipped gazetteer and its resolver, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.annotate.places.gazetteer import Gazetteer
from eventwire.annotate.places.resolver import PlaceResolver
from eventwire.config import Settings
from eventwire.resources import Resources


@pytest.fixture(scope="session")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    user = tmp_path_factory.mktemp("user") / "gazetteer.sqlite"
    return Resources(Settings(user_gazetteer=str(user)))


@pytest.fixture(scope="session")
def gazetteer(resources: Resources) -> Gazetteer:
    return resources.gazetteer


@pytest.fixture(scope="session")
def resolver(resources: Resources) -> PlaceResolver:
    return resources.places


@pytest.fixture
def fresh_gazetteer(tmp_path: Path) -> Gazetteer:
    """The shipped gazetteer with an empty user file of its own."""
    return Gazetteer.open(user=tmp_path / "user.sqlite")
