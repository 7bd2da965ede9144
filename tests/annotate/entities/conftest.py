"""Entity extraction over the session's shared spaCy pipeline (``nlp`` in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventwire.annotate.entities import extract_entities
from eventwire.model import Entity


@pytest.fixture(scope="session")
def entities(nlp: Language) -> Callable[[str], list[Entity]]:
    """Parse a text and extract its entities."""

    def run(text: str) -> list[Entity]:
        return extract_entities(nlp(text))

    return run


def mention(found: list[Entity], text: str) -> Entity:
    """The first mention whose words are *text*."""
    matches = [e for e in found if e.text == text]
    assert matches, f"no entity {text!r} in {[e.text for e in found]}"
    return matches[0]
