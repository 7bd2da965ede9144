"""What each export kind contains: store records → plain dict rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any

from eventwire.model import Quote, Span
from eventwire.store import Store

ARTICLE_FIELDS = (
    "id", "source", "title", "published", "published_source", "published_precision",
    "outlet", "language", "url", "fmt", "text", "raw_text",
)  # fmt: skip


def articles(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.articles():
        values = asdict(article)
        yield {name: values[name] for name in ARTICLE_FIELDS}


def rejects(store: Store) -> Iterator[dict[str, Any]]:
    for run_id, reject in store.rejects():
        yield {"run_id": run_id, **asdict(reject)}


def _flat(table: str) -> Callable[[Store], Iterator[dict[str, Any]]]:
    def rows(store: Store) -> Iterator[dict[str, Any]]:
        for article_id, record in store.annotations(table):
            yield {"article_id": article_id, **asdict(record)}

    rows.__doc__ = f"One row per {table} mention."
    return rows


def quotes(store: Store) -> Iterator[dict[str, Any]]:
    """One row per quote, with the words of each role taken from the article text."""
    texts: dict[str, str] = {}
    for article_id, quote in store.annotations("quotes"):
        if article_id not in texts:
            texts = {a.id: a.text for a in store.articles([article_id])}
        yield quote_row(article_id, quote, texts[article_id])


def quote_row(article_id: str, quote: Quote, text: str) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "speaker": {"text": quote.speaker_text, "name": quote.speaker},
        "source": _evidence(quote.source, text),
        "cue": _evidence(quote.cue, text),
        "content": _evidence(quote.content, text),
        "certainty": quote.certainty,
        "direct": quote.direct,
        "chain": quote.chain,
    }


def _evidence(spans: list[Span], text: str) -> dict[str, Any]:
    """A role's extent (first start to last end), its words, and its pieces (all empty if none)."""
    if not spans:
        return {"start": None, "end": None, "text": None, "pieces": []}
    return {
        "start": spans[0].start,
        "end": spans[-1].end,
        "text": " … ".join(s.text(text) for s in spans),
        "pieces": [[s.start, s.end] for s in spans],
    }


def stories(store: Store) -> Iterator[dict[str, Any]]:
    """One row per story of two or more independent articles (copies are listed, not counted)."""
    for story in store.stories():
        yield asdict(story)


KINDS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": articles,
    "rejects": rejects,
    "entities": _flat("entities"),
    "times": _flat("times"),
    "places": _flat("places"),
    "quotes": quotes,
    "stories": stories,
}
