"""Linking a batch of new articles to the stored ones: near-duplicate copies, then stories.

The stored links of the articles within ``window_days`` of the batch, and of the last
``recent_links`` articles linked (``data/link/run.toml``), are loaded: their MinHash signatures
into a :class:`NearDupIndex`, their term bags to rebuild IDF and the stories' vectors. The new
articles, oldest first, are then checked for copies (a copy points to the canonical, oldest,
article of its group and joins its story) and the new canonical articles are put into stories by
the :class:`StoryClusterer`, which never renames a story; its merges and splits are returned to be
recorded. Last, the batch's event mentions are linked by an :class:`EventLinker` restored from the
stored events of the window (event coreference). Nothing is written here: the result is saved with
the batch, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from eventwire import datafiles
from eventwire.link import neardup, similarity
from eventwire.link.coref import EventLinker, MentionContext
from eventwire.link.similarity import Background, Idf, Vector, document_text, parse_terms
from eventwire.link.stories import StoryClusterer
from eventwire.model import Article, Event, EventMention
from eventwire.store import ArticleLink, LinkBatch, LinkWindow, Store, StoryMerge, StorySplit

if TYPE_CHECKING:
    from spacy.language import Language

_SIGNATURE = np.dtype("<u4")


@dataclass(frozen=True)
class Settings:
    """The time window of the stored articles a batch is linked to (``data/link/run.toml``)."""

    window_days: int
    recent_links: int

    @classmethod
    def load(cls) -> Settings:
        return cls(**datafiles.load("link", "run.toml"))


def article_day(article: Article) -> str | None:
    """The ISO day of an article's publication date (a month or a year from its first day)."""
    return (article.published + "-01-01")[:10] if article.published else None


def placed_days(articles: Iterable[Article]) -> dict[str, str]:
    """The day of each article by id; an undated one is placed where the store places it, at the
    day it is linked (today)."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return {a.id: article_day(a) or today for a in articles}


def day_order(articles: Sequence[Article]) -> list[Article]:
    """*articles* by their :func:`placed_days`, else as given."""
    placed = placed_days(articles)
    return sorted(articles, key=lambda a: placed[a.id])


def batches(articles: Sequence[Article], size: int) -> list[list[Article]]:
    """*articles* in :func:`day_order`, cut into batches of at most *size* whose days lie within
    ``window_days`` of their first: a batch's window then spans at most three times
    ``window_days``, however thinly the articles are spread over time."""
    placed = placed_days(articles)
    span = dt.timedelta(days=Settings.load().window_days)
    cut: list[list[Article]] = []
    first = dt.date.min
    for article in day_order(articles):
        day = dt.date.fromisoformat(placed[article.id])
        if day - first > span or len(cut[-1]) >= size:
            cut.append([])
            first = day
        cut[-1].append(article)
    return cut


def term_bags(articles: Sequence[Article], nlp: Language) -> dict[str, Counter[str]]:
    """The term bag of each article (title and text, ``similarity.terms``) by article id.

    The pipeline makes them where the articles are annotated (on the workers under Dask), so
    the driver, which links, does not parse the texts again.
    """
    if not articles:
        return {}
    texts = (document_text(a.title, a.text) for a in articles)
    bags = parse_terms(texts, nlp, similarity.Settings.load())
    return {a.id: bag for a, bag in zip(articles, bags, strict=True)}


def link_batch(
    store: Store,
    articles: Sequence[Article],
    nlp: Language,
    mentions: Mapping[str, Sequence[EventMention]] | None = None,
    bags: Mapping[str, Mapping[str, float]] | None = None,
) -> LinkBatch:
    """Link *articles* (not yet linked) to the stored links of their time window and to each other.

    *mentions* gives the event mentions found in this batch by article id; the mentions of an
    article it leaves out are read from the store. *bags* gives term bags made beforehand
    (:func:`term_bags`) by article id; the articles it leaves out are parsed here.
    """
    if not articles:
        return LinkBatch()
    days = {a.id: article_day(a) for a in articles}
    placed = placed_days(articles)
    settings = Settings.load()
    span = (*_window(placed.values(), settings.window_days), settings.recent_links)
    linker = _Linker(store.link_window(*span), neardup.Settings.load(), similarity.Settings.load())
    ordered = day_order(articles)
    given = bags or {}
    found = {**given, **term_bags([a for a in ordered if a.id not in given], nlp)}
    batch = linker.link(ordered, [_dated(dict(found[a.id]), days[a.id]) for a in ordered], days)
    batch.events = link_events(store, batch, articles, _batch_mentions(store, articles, mentions or {}), span)
    return batch


def _dated(bag: dict[str, float], day: str | None) -> dict[str, float]:
    """The bag with its publication year as the year marker when its text names no year."""
    if day and not similarity.years(bag):
        bag[similarity.YEAR_MARKER + day[:4]] = 1.0
    return bag


def link_events(
    store: Store,
    batch: LinkBatch,
    articles: Sequence[Article],
    mentions: Sequence[tuple[str, EventMention]],
    span: tuple[str, str, int],
) -> list[Event]:
    """The events created or changed by the batch's *mentions* ``(article id, mention)``, linked to
    the stored events with a mention in the window *span* (first and last day, recent links)."""
    window = store.event_window(*span)
    stored = {a.id: a for a in store.articles(list(dict.fromkeys(aid for aid, _ in window.mentions)))}
    links = {**store.links_of(list(stored)), **{x.article_id: x for x in batch.links}}
    story = _Stories(store, batch, {x.story_id for x in links.values()})
    new = {a.id: a for a in articles}

    def context(article: Article, mention: EventMention) -> MentionContext:
        link = links.get(article.id)
        group = link.duplicate_of if link else None
        return MentionContext.of(mention, article, group, story.of(link.story_id) if link else None)

    linker = EventLinker()
    linker.restore(window.events, [context(stored[aid], m) for aid, m in window.mentions if aid in stored])
    return linker.add([context(new[aid], m) for aid, m in mentions])


def _batch_mentions(
    store: Store, articles: Sequence[Article], given: Mapping[str, Sequence[EventMention]]
) -> list[tuple[str, EventMention]]:
    """``(article id, mention)`` of the batch: those given, else those stored for the article."""
    missing = [a.id for a in articles if a.id not in given]
    found = [(aid, m) for aid, ms in given.items() for m in ms]
    return found + (store.event_mentions(article_ids=missing) if missing else [])


class _Stories:
    """The story of an article for event linking: its story after the batch's merges when that
    holds two or more canonical articles, else None (an unclustered article has no story)."""

    def __init__(self, store: Store, batch: LinkBatch, story_ids: set[str]) -> None:
        self.final: dict[str, str] = {}
        for merge in batch.merges:
            self.final = {k: merge.kept if v == merge.absorbed else v for k, v in self.final.items()}
            self.final[merge.absorbed] = merge.kept
        self.sizes: Counter[str] = Counter()
        for story_id, n in store.story_sizes(sorted(story_ids | set(self.final))).items():
            self.sizes[self.of_any(story_id)] += n
        self.sizes.update(self.of_any(x.story_id) for x in batch.links if x.duplicate_of is None)

    def of_any(self, story_id: str) -> str:
        return self.final.get(story_id, story_id)

    def of(self, story_id: str) -> str | None:
        final = self.of_any(story_id)
        return final if self.sizes[final] >= 2 else None


def _window(days: Iterable[str], width: int) -> tuple[str, str]:
    """The first and last day within *width* days of *days*."""
    chosen = sorted(days)
    margin = dt.timedelta(days=width)
    first, last = dt.date.fromisoformat(chosen[0]) - margin, dt.date.fromisoformat(chosen[-1]) + margin
    return first.isoformat(), last.isoformat()


class _Linker:
    """The link state of one window, and the linking of new articles against it."""

    def __init__(
        self, window: LinkWindow, neardup_settings: neardup.Settings, settings: similarity.Settings
    ) -> None:
        self.similarity = settings
        self.stored = window.links
        signatures = np.array([np.frombuffer(x.signature, _SIGNATURE) for x in self.stored], np.uint32)
        self.index = neardup.NearDupIndex.from_state(
            [x.article_id for x in self.stored],
            signatures.reshape(len(self.stored), neardup_settings.permutations),
            neardup_settings,
        )
        self.story_order = window.stories
        self.canonical = {x.article_id: x.duplicate_of or x.article_id for x in self.stored}
        self.story_of = {x.article_id: x.story_id for x in self.stored}
        self.clusterer = StoryClusterer(settings.join_threshold, settings.merge_threshold)
        self.clustered: set[str] = set()

    def link(
        self, articles: Sequence[Article], bags: Sequence[dict[str, float]], days: dict[str, str | None]
    ) -> LinkBatch:
        """Links of *articles* (oldest first, with their term bags and days)."""
        signatures = self.index.hasher.signatures(a.text for a in articles)
        duplicates = {a.id: self._duplicate(a.id, s) for a, s in zip(articles, signatures, strict=True)}
        idf = Idf(
            [x.terms for x in self.stored if x.duplicate_of is None]
            + [bag for a, bag in zip(articles, bags, strict=True) if duplicates[a.id] is None],
            self.similarity.story_sublinear_tf,
            Background.load(self.similarity),
        )
        self._restore(idf)
        batch = LinkBatch()
        for article, bag in zip(articles, bags, strict=True):
            if duplicates[article.id] is None:
                story_id = self._cluster(article.id, idf.vector(bag))
                if story_id == f"story-{article.id}":
                    batch.stories[story_id] = article.title
        merges = self.clusterer.consolidate(self._groups(articles))
        batch.merges = [StoryMerge(m.kept, m.absorbed, m.similarity) for m in merges]
        splits = self.clusterer.split(self._groups(articles))
        batch.splits = [StorySplit(s.kept, s.created, s.similarity, s.members) for s in splits]
        for article, signature, bag in zip(articles, signatures, bags, strict=True):
            raw = signature.astype(_SIGNATURE).tobytes()
            story_id = self._story(article.id)
            batch.links.append(
                ArticleLink(article.id, raw, bag, days[article.id], story_id, duplicates[article.id])
            )
        return batch

    def _groups(self, articles: Sequence[Article]) -> set[str]:
        """The stories (of one or more) that hold *articles*' clustered articles now."""
        return {self.clusterer.group(a.id) for a in articles if a.id in self.clustered}

    def _duplicate(self, doc_id: str, signature: np.ndarray) -> str | None:
        """The canonical article *doc_id* is a copy of (None if none), noting what it joins."""
        matches = self.index.add_signature(doc_id, signature)
        if not matches:
            self.canonical[doc_id] = doc_id
            return None
        self.canonical[doc_id] = self.canonical[matches[0]]
        if matches[0] in self.story_of:
            self.story_of[doc_id] = self.story_of[matches[0]]
        return self.canonical[doc_id]

    def _restore(self, idf: Idf) -> None:
        """Give the clusterer the stored stories, with the canonical members in the window."""
        members: dict[str, list[tuple[str, Vector]]] = {story_id: [] for story_id in self.story_order}
        for x in self.stored:
            if x.duplicate_of is None:
                members[x.story_id].append((x.article_id, idf.vector(x.terms)))
                self.clustered.add(x.article_id)
        for story_id, docs in members.items():
            if docs:
                self.clusterer.restore(story_id, docs)

    def _cluster(self, doc_id: str, vector: Vector) -> str:
        self.clustered.add(doc_id)
        return self.clusterer.add(doc_id, vector)

    def _story(self, doc_id: str) -> str:
        """The story of *doc_id*: its canonical article's, after this batch's merges."""
        root = self.canonical[doc_id]
        return self.clusterer.group(root) if root in self.clustered else self.story_of[doc_id]
