"""The linking tests' articles (``articles.json``, written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLES = Path(__file__).with_name("articles.json")


@pytest.fixture(scope="session")
def articles() -> dict[str, str]:
    """Two reports of a ferry capsizing, two of a dock strike, one unrelated chess story."""
    return json.loads(ARTICLES.read_text(encoding="utf-8"))
