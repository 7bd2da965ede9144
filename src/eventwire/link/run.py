"""Linking a batch of new articles to the stored ones: near-duplicate copies, then stories.

The stored links of the articles within ``window_days`` of the batch (``data/link/run.toml``)
are loaded: their MinHash signatures into a :class:`NearDupIndex`, their term bags to rebuild
IDF and the stories' vectors. The new articles, oldest first, are then checked for copies (a
copy points to the canonical, oldest, article of its group and joins its story) and the new
canonical articles are put into stories by the :class:`StoryClusterer`, which never renames a
story; its merges are returned to be recorded. Nothing is written here: the result is saved
with the batch, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from eventwire import datafiles
from eventwire.link import neardup, similarity
from eventwire.link.similarity import Idf, Vector, document_text, parse_terms
from eventwire.link.stories import Story, StoryClusterer
from eventwire.model import Article
from eventwire.store import ArticleLink, LinkBatch, LinkWindow, Store, StoryMerge

if TYPE_CHECKING:
    from spacy.language import Language

_SIGNATURE = np.dtype("<u4")


@dataclass(frozen=True)
class Settings:
    """The time window of the stored articles a batch is linked to (``data/link/run.toml``)."""

    window_days: int

    @classmethod
    def load(cls) -> Settings:
        return cls(**datafiles.load("link", "run.toml"))


def article_day(article: Article) -> str | None:
    """The ISO day of an article's publication date (a month or a year from its first day)."""
    return (article.published + "-01-01")[:10] if article.published else None


def link_batch(store: Store, articles: Sequence[Article], nlp: Language) -> LinkBatch:
    """Link *articles* (not yet linked) to the stored links of their time window and to each other."""
    if not articles:
        return LinkBatch()
    days = {a.id: article_day(a) for a in articles}
    today = dt.datetime.now(dt.UTC).date().isoformat()  # where the store places undated articles
    placed = {doc_id: day or today for doc_id, day in days.items()}
    window = store.link_window(*_window(placed.values(), Settings.load().window_days))
    linker = _Linker(window, neardup.Settings.load(), similarity.Settings.load())
    ordered = sorted(articles, key=lambda a: placed[a.id])
    bags = parse_terms((document_text(a.title, a.text) for a in ordered), nlp, linker.similarity)
    return linker.link(ordered, [dict(bag) for bag in bags], days)


def _window(days: Iterable[str], width: int) -> tuple[str, str]:
    """The first and last day within *width* days of *days*."""
    chosen = sorted(days)
    margin = dt.timedelta(days=width)
    first, last = dt.date.fromisoformat(chosen[0]) - margin, dt.date.fromisoformat(chosen[-1]) + margin
    return first.isoformat(), last.isoformat()


class _Clusterer(StoryClusterer):
    """A StoryClusterer that can be given back the stories stored by earlier runs."""

    def restore(self, story_id: str, members: Sequence[tuple[str, Vector]]) -> None:
        """Recreate stored story *story_id* (newer than those restored before) with its members."""
        story = Story(story_id, self._created)
        self._created += 1
        self.stories[story_id] = story
        for doc_id, vector in members:
            story.members.append(doc_id)
            self._story_of[doc_id] = story_id
            self._accumulate(story, vector)


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
        self.clusterer = _Clusterer(settings.join_threshold, settings.merge_threshold)
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
        )
        self._restore(idf)
        batch = LinkBatch()
        for article, bag in zip(articles, bags, strict=True):
            if duplicates[article.id] is None:
                story_id = self._cluster(article.id, idf.vector(bag))
                if story_id == f"story-{article.id}":
                    batch.stories[story_id] = article.title
        batch.merges = [StoryMerge(m.kept, m.absorbed, m.similarity) for m in self.clusterer.consolidate()]
        for article, signature, bag in zip(articles, signatures, bags, strict=True):
            raw = signature.astype(_SIGNATURE).tobytes()
            story_id = self._story(article.id)
            batch.links.append(
                ArticleLink(article.id, raw, bag, days[article.id], story_id, duplicates[article.id])
            )
        return batch

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
