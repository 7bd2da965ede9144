"""Annotation stages on the cleaned article and its spaCy Doc, registered by name.

Each stage fills one field of ``Annotations``; the settings' ``stages`` list says which run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.model import AnnotatedArticle, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.resources import Resources

Stage = Callable[[AnnotatedArticle, "Doc", "Resources"], None]


def _entities(item: AnnotatedArticle, doc: Doc, resources: Resources) -> None:
    from eventwire.annotate.entities import extract_entities

    item.annotations.entities = extract_entities(doc)


def _times(item: AnnotatedArticle, doc: Doc, resources: Resources) -> None:
    from eventwire.annotate.times import tag_times

    item.annotations.times = tag_times(item.article.text, publication_date(item.article), doc)


def _places(item: AnnotatedArticle, doc: Doc, resources: Resources) -> None:
    item.annotations.places = resources.places.resolve(item.article.text, doc)


def _quotes(item: AnnotatedArticle, doc: Doc, resources: Resources) -> None:
    from eventwire.annotate.attribution import attribute
    from eventwire.annotate.quotes import extract_quotes

    quotes = extract_quotes(doc, item.annotations.entities or None)
    item.annotations.quotes = attribute(quotes, doc, item.article.outlet)


def _events(item: AnnotatedArticle, doc: Doc, resources: Resources) -> None:
    from eventwire.events import extract_events

    item.annotations.events = extract_events(item, doc)


STAGES: dict[str, Stage] = {
    "entities": _entities,
    "times": _times,
    "places": _places,
    "quotes": _quotes,
    "events": _events,
}


def publication_date(article: Article) -> dt.date | None:
    """The anchor for relative dates: the publication date when known to the day."""
    if article.published and article.published_precision == "day":
        return dt.date.fromisoformat(article.published[:10])
    return None
