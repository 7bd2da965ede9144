"""The situation report of a story: one self-contained HTML page (inline CSS and SVG, no script, no
external reference) with its timeline, map, events, claims and sources.

Everything is read through the store and the export records; the template escapes every value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from eventwire.api.records import event_records, independent_sources
from eventwire.errors import UserError
from eventwire.export.rows import quote_row
from eventwire.model import Article
from eventwire.store import EventFilter, Store, StoryRecord
from eventwire.web import atlas, chart

PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#ad494a", "#637939", "#8c6d31", "#843c39", "#7b4173",
)  # fmt: skip
# Only URLs of this shape are links; any other URL is shown as text.
HTTP_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)
ENV = Environment(
    loader=PackageLoader("eventwire.web", "templates"), autoescape=select_autoescape(default=True)
)


@dataclass
class Piece:
    """A run of a sentence: its words and the role they play (None: plain words)."""

    text: str
    role: str | None = None


def render(store: Store, story_id: str) -> str:
    """The situation report of story *story_id* as one HTML page; UserError for an unknown story."""
    story = store.story(story_id)
    if story is None:
        raise UserError(f"no story {story_id!r} in the store (see `eventwire export stories`)")
    articles = {a.id: a for a in store.articles(story.article_ids)}
    ordered = [articles[i] for i in story.article_ids if i in articles]
    events = story_events(store, story)
    counts = Counter(e["event"] for e in events)
    types = sorted(counts, key=lambda t: (-counts[t], t))
    color = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}
    points = [
        atlas.Point(e["location"]["lon"], e["location"]["lat"], e["location"]["name"], e["event"])
        for e in events
        if e["location"]
    ]
    return ENV.get_template("report.html").render(
        story=story,
        articles=[_source(a) for a in ordered],
        sources=independent_sources(store, ordered),
        events=[_event(e) for e in events],
        claims=_claims(store, ordered),
        color=color,
        timeline=chart.timeline([(e["date"], e["event"]) for e in events], color),
        map=atlas.map_view(points, color),
        dated=sum(1 for e in events if e["date"]),
        located=len(points),
    )


def story_events(store: Store, story: StoryRecord) -> list[dict[str, Any]]:
    """The export records of the story's events, by date (undated last) then id, as the API lists them."""
    page = store.event_page(EventFilter(ids=tuple(story.event_ids)), None, max(len(story.event_ids), 1))
    return event_records(store, page.rows)


def _event(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its evidence sentence split into pieces, the trigger marked."""
    evidence = record["evidence"]
    sentence, trigger = evidence["sentence"], evidence["trigger"]
    start, end = trigger["start"] - sentence["start"], trigger["end"] - sentence["start"]
    words = sentence["text"]
    pieces = [Piece(words[:start]), Piece(words[start:end], "trigger"), Piece(words[end:].rstrip())]
    size = ", ".join(f"{n} {kind}" for kind, n in record["size"].items() if n is not None)
    return {**record, "pieces": [p for p in pieces if p.text], "size_text": size}


def _claims(store: Store, articles: list[Article]) -> list[dict[str, Any]]:
    """The quotes of the story's articles, in article then text order, with the article's title."""
    texts = {a.id: a for a in articles}
    claims = []
    for article_id, quote in store.annotations("quotes"):
        if article_id in texts:
            row = quote_row(article_id, quote, texts[article_id].text)
            claims.append({**row, "article": texts[article_id]})
    order = {a.id: i for i, a in enumerate(articles)}
    return sorted(claims, key=lambda c: order[c["article_id"]])


def _source(article: Article) -> dict[str, Any]:
    """An article as listed among the sources: its URL as a link only when it is http(s)."""
    url = article.url or ""
    return {"article": article, "url": url, "link": HTTP_URL.match(url) is not None}
