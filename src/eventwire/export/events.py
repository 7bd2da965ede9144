"""The events export: one record per real-world event, every value with the span of the words it came from.

An event's fields (type, participants, date, place, …) and its ``evidence`` are those of its
first mention, the one whose id it keeps; ``mentions`` lists every sentence that reports it and
``sources`` counts its independent outlets. ``story_id`` is the story of the article of the
first mention (null while that article is unclustered or not linked). A mention whose article
was not linked yet is an event of its own, with one source. ``evidence`` gives the offsets
(into the text of the article ``evidence.article_id``) and the words of every field. The other
event formats (PLOVER, CSV, ACLED-shaped, GeoJSON) are views of this record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.model import Article, Event, EventMention, EventSize
from eventwire.store import Store

PARTICIPANT = ("text", "name", "country", "sector")
LOCATION = ("name", "lat", "lon", "geonameid", "country", "admin1", "precision")
SIZE = ("dead", "injured", "arrested", "people")
CLAIMANT = ("text", "name")
ACLED = ("event_type", "sub_event_type", "code")
MENTION = ("article_id", "source", "sentence", "start", "end")
SPAN = ("start", "end", "text")

# The record's layout: a plain field (None), an object or list of objects with these keys
# (tuple), or a nested object (dict). The CSV columns are its leaves.
SHAPE: dict[str, Any] = {
    "id": None, "event": None, "mode": None, "context": None, "aux": None,
    "actor": PARTICIPANT, "recipient": PARTICIPANT,
    "date": None, "date_precision": None, "date_source": None,
    "location": LOCATION, "size": SIZE, "claimant": CLAIMANT, "certainty": None, "confidence": None,
    "acled": ACLED, "story_id": None, "sources": None, "mentions": MENTION,
    "evidence": {
        "article_id": None, "trigger": SPAN, "sentence": SPAN, "actor": SPAN, "recipient": SPAN,
        "location": SPAN, "date": SPAN, "size": dict.fromkeys(SIZE, SPAN), "claimant": SPAN,
        "certainty": SPAN, "aux": SPAN,
    },
}  # fmt: skip


def records(store: Store) -> Iterator[dict[str, Any]]:
    """The record of every stored event, in the text order of their first mentions."""
    linked = store.linked_events()
    article: Article | None = None
    story_id: str | None = None
    for article_id, mention in store.annotations("events"):
        event = linked.get(mention.id)
        if event is not None and event.id != mention.id:
            continue  # listed with the event of its first mention
        if article is None or article.id != article_id:
            [article] = store.articles([article_id])
            story_id = store.story_ids([article_id]).get(article_id)
        others = _other_mentions(store, event.mentions[1:]) if event else []
        yield event_record(mention, article, story_id, event, others)


def event_record(
    event: EventMention,
    article: Article,
    story_id: str | None = None,
    linked: Event | None = None,
    others: list[tuple[EventMention, Article]] | None = None,
) -> dict[str, Any]:
    """The export record of the event *linked* whose first mention *event* was found in *article*
    (of story *story_id*), its other mentions *others*; without *linked*, the mention alone."""
    date, sizes = event.date, _sizes(event.size)
    mentions = [(event, article), *(others or [])]
    return {
        "id": event.id,
        "event": event.event,
        "mode": list(event.mode),
        "context": list(event.context),
        "aux": event.aux,
        "actor": [_pick(p, PARTICIPANT) for p in event.actor],
        "recipient": [_pick(p, PARTICIPANT) for p in event.recipient],
        "date": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_source": date.source if date else None,
        "location": _pick(event.location, LOCATION),
        "size": {kind: sizes[kind].value if kind in sizes else None for kind in SIZE},
        "claimant": _pick(event.claimant, CLAIMANT),
        "certainty": event.certainty,
        "confidence": event.confidence,
        "acled": _pick(event.acled, ACLED),
        "story_id": story_id,
        "sources": linked.sources if linked else 1,
        "mentions": [_mention(m, a) for m, a in mentions],
        "evidence": _evidence(event, article),
    }


def _other_mentions(store: Store, ids: list[str]) -> list[tuple[EventMention, Article]]:
    """The stored mentions *ids* with their articles, in the order of *ids*."""
    if not ids:
        return []
    found = {m.id: (aid, m) for aid, m in store.event_mentions(ids=ids)}
    articles = {a.id: a for a in store.articles(list({aid for aid, _ in found.values()}))}
    return [(found[i][1], articles[found[i][0]]) for i in ids if i in found]


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """The record as flat columns: ``parent_child`` names, list items joined with ``;``."""
    return _flat(record, SHAPE, "")


def _flat(value: Any, shape: Any, name: str) -> dict[str, Any]:
    if isinstance(shape, dict):
        flat: dict[str, Any] = {}
        for key, sub in shape.items():
            flat.update(_flat((value or {}).get(key), sub, _join(name, key)))
        return flat
    if isinstance(shape, tuple):
        items = value if isinstance(value, list) else [value] if value is not None else []
        return {_join(name, key): _joined([item[key] for item in items]) for key in shape}
    return {name: _joined(value) if isinstance(value, list) else value}


def _join(prefix: str, key: str) -> str:
    return f"{prefix}_{key}" if prefix else key


def _joined(values: list[Any]) -> str | None:
    return ";".join("" if v is None else str(v) for v in values) if values else None


def _pick(record: Any, keys: tuple[str, ...]) -> dict[str, Any] | None:
    return None if record is None else {key: getattr(record, key) for key in keys}


def _sizes(sizes: list[EventSize]) -> dict[str, EventSize]:
    """The first count of each kind."""
    return {s.kind: s for s in reversed(sizes)}


def _mention(event: EventMention, article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "source": article.outlet or article.source,
        "sentence": event.sentence.text(article.text),
        "start": event.trigger.start,
        "end": event.trigger.end,
    }


def _evidence(event: EventMention, article: Article) -> dict[str, Any]:
    text, sizes = article.text, _sizes(event.size)
    return {
        "article_id": article.id,
        "trigger": _span(event.trigger, text),
        "sentence": _span(event.sentence, text),
        "actor": [_span(p, text) for p in event.actor],
        "recipient": [_span(p, text) for p in event.recipient],
        "location": _span(event.location, text),
        "date": _span(event.date.span if event.date else None, text),
        "size": {kind: _span(sizes[kind].span, text) if kind in sizes else None for kind in SIZE},
        "claimant": _span(event.claimant, text),
        "certainty": _span(event.certainty_span, text),
        "aux": _span(event.aux_span, text),
    }


def _span(part: Any, text: str) -> dict[str, Any] | None:
    """``{start, end, text}`` of anything with offsets (a Span, a participant, a location)."""
    if part is None:
        return None
    return {"start": part.start, "end": part.end, "text": text[part.start : part.end]}
