"""The API's records: events exactly as ``eventwire export events`` writes them, and article summaries."""

from __future__ import annotations

from typing import Any

from eventwire.export.events import event_record
from eventwire.model import Article, EventMention
from eventwire.store import Store

ARTICLE_SUMMARY = ("id", "title", "outlet", "published", "url")
MENTION_DETAIL = ("claimant", "certainty", "aux", "evidence")


def event_records(store: Store, rows: list[tuple[str, EventMention]]) -> list[dict[str, Any]]:
    """The export record of each event given as ``(article_id, first mention)``, in that order."""
    linked = store.linked_events([m.id for _, m in rows])
    others = mentions(store, [i for _, m in rows if m.id in linked for i in linked[m.id].mentions[1:]])
    articles = {a.id: a for a in store.articles(list({aid for aid, _ in rows}))}
    stories = store.story_ids(list(articles))
    records = []
    for article_id, mention in rows:
        event = linked.get(mention.id)
        more = [others[i] for i in event.mentions[1:] if i in others] if event else []
        records.append(event_record(mention, articles[article_id], stories.get(article_id), event, more))
    return records


def mentions(store: Store, ids: list[str]) -> dict[str, tuple[EventMention, Article]]:
    """The stored mentions among *ids*, each with its article."""
    if not ids:
        return {}
    found = store.event_mentions(ids=ids)
    articles = {a.id: a for a in store.articles(list({aid for aid, _ in found}))}
    return {m.id: (m, articles[aid]) for aid, m in found}


def mention_detail(mention: EventMention, article: Article) -> dict[str, Any]:
    """One mention of an event: its article, who claims it with what certainty, and its evidence."""
    record = event_record(mention, article)
    return {
        "id": mention.id,
        "article": article_summary(article),
        **{key: record[key] for key in MENTION_DETAIL},
    }


def article_summary(article: Article) -> dict[str, Any]:
    return {key: getattr(article, key) for key in ARTICLE_SUMMARY}


def article_event_ids(store: Store, article_id: str) -> list[str]:
    """The events reported in an article (each mention's event, itself when not linked), in text order."""
    ids = [m.id for _, m in store.event_mentions(article_ids=[article_id])]
    linked = store.linked_events(ids)
    return list(dict.fromkeys(linked[i].id if i in linked else i for i in ids))


def independent_sources(store: Store, articles: list[Article]) -> int:
    """Distinct outlets (an article without one counts alone) among the articles that are not copies."""
    links = store.links_of([a.id for a in articles])
    return len({a.outlet or a.id for a in articles if a.id not in links or links[a.id].duplicate_of is None})
