"""One spaCy pipeline for the entity tests, loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventwire.annotate.entities import extract_entities
from eventwire.model import Entity
from eventwire.resources import Resources


@pytest.fixture(scope="session")
def nlp() -> Language:
    return Resources().nlp


@pytest.fixture(scope="session")
def entities(nlp: Language) -> Callable[[str], list[Entity]]:
    """Parse a text and extract its entities."""

    def run(text: str) -> list[Entity]:
        return extract_entities(nlp(text))

    return run
