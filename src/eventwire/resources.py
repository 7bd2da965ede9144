"""Heavy resources (spaCy pipeline, gazetteer, language id), loaded once and lazily."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.annotate.places.gazetteer import Gazetteer
    from eventwire.annotate.places.resolver import PlaceResolver


class Resources:
    """Shared, lazily loaded resources; a stage receives this object."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()

    @cached_property
    def nlp(self) -> Language:
        import spacy

        return spacy.load(self.settings.spacy_model)

    @cached_property
    def langid(self) -> Callable[[str], tuple[str, float]]:
        """``classify(text) -> (iso639-1 code, score)`` from py3langid's bundled model."""
        import py3langid

        return py3langid.classify

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The shipped gazetteer plus the user's (``user_gazetteer``, filled by ``add_dump``)."""
        from eventwire.annotate.places.gazetteer import Gazetteer

        return Gazetteer.open(user=self.settings.user_gazetteer)

    @cached_property
    def places(self) -> PlaceResolver:
        """A toponym resolver over :attr:`gazetteer`."""
        from eventwire.annotate.places.resolver import PlaceResolver

        return PlaceResolver(self.gazetteer, nlp=lambda text: self.nlp(text))
