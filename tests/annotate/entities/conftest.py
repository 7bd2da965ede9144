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
