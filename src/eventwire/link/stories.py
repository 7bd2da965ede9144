"""Stories: online clustering of documents by average-link cosine, with stable ids.

Documents arrive one at a time (:meth:`StoryClusterer.add`). Each joins the story whose members
are on average most similar to it, when that mean cosine reaches ``join_threshold``; otherwise
it starts a story of its own and stays *unclustered* until another document joins it.
:meth:`StoryClusterer.consolidate` then merges stories that grew towards each other; every merge
is recorded and the older story keeps its id, so adding documents never renames a story.
:meth:`StoryClusterer.split` splits a story whose members no longer hold together by the same
rule (after new documents changed the IDF); the part with the oldest member keeps the id.

Time signal: a vector's year marker (:func:`eventwire.link.similarity.years`) is counted per
story, and a mean cosine is lowered by ``year_penalty`` times the share of dated document pairs
(document and member, or member and member) whose years differ.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from eventwire.link.similarity import YEAR_MARKER, Settings, Vector, dot, years

_BLOCK = 256  # rows of adjusted means worked out at a time when agglomerating


@dataclass
class Story:
    """A group of documents; ``id`` comes from its first document and never changes."""

    id: str
    seq: int  # creation order: on a merge the older story (lower seq) keeps its id
    members: list[str] = field(default_factory=list)
    total: Vector = field(default_factory=dict)  # sum of the members' unit vectors
    years: Counter[str] = field(default_factory=Counter)  # the members' main years


@dataclass(frozen=True)
class Split:
    """Story *kept* lost *members* to the new story *created*; *similarity* is the mean cosine
    between them and the members it kept."""

    kept: str
    created: str
    similarity: float
    members: tuple[str, ...]


@dataclass(frozen=True)
class Merge:
    """Story *absorbed* was merged into story *kept* at mean cosine *similarity*."""

    kept: str
    absorbed: str
    similarity: float


class StoryClusterer:
    """Online average-link clustering of unit TF-IDF vectors into stories."""

    def __init__(
        self, join_threshold: float, merge_threshold: float, year_penalty: float | None = None
    ) -> None:
        """*year_penalty* defaults to the setting in ``data/link/similarity.toml``."""
        self.join_threshold = join_threshold
        self.merge_threshold = merge_threshold
        self.year_penalty = Settings.load().year_penalty if year_penalty is None else year_penalty
        self.stories: dict[str, Story] = {}
        self.merges: list[Merge] = []
        self.splits: list[Split] = []
        self._vectors: dict[str, Vector] = {}
        self._created = 0
        self._story_of: dict[str, str] = {}
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)  # term -> story -> weight

    def add(self, doc_id: str, vector: Vector) -> str:
        """Put a document in the best story (or a new one); return the story's id."""
        if doc_id in self._story_of:
            raise ValueError(f"document {doc_id!r} was already added")
        scores = self._mean_cosines(vector)
        best = max(scores, key=lambda sid: (scores[sid], -self.stories[sid].seq), default=None)
        if best is None or scores[best] < self.join_threshold:
            best = f"story-{doc_id}"
            self.stories[best] = Story(best, self._created)
            self._created += 1
        story = self.stories[best]
        story.members.append(doc_id)
        self._story_of[doc_id] = best
        self._vectors[doc_id] = vector
        self._accumulate(story, vector)
        return best

    def restore(self, story_id: str, members: Sequence[tuple[str, Vector]]) -> None:
        """Recreate stored story *story_id* (newer than those restored before) with its members."""
        story = Story(story_id, self._created)
        self._created += 1
        self.stories[story_id] = story
        for doc_id, vector in members:
            story.members.append(doc_id)
            self._story_of[doc_id] = story_id
            self._vectors[doc_id] = vector
            self._accumulate(story, vector)

    def story(self, doc_id: str) -> str | None:
        """The id of the story holding *doc_id*, or None while the document is unclustered."""
        story = self.stories[self._story_of[doc_id]]
        return story.id if len(story.members) > 1 else None

    def group(self, doc_id: str) -> str:
        """The story id of *doc_id*, an unclustered document's own story-of-one included."""
        return self._story_of[doc_id]

    def consolidate(self, touched: Iterable[str] | None = None) -> list[Merge]:
        """Merge stories while the mean cosine between two of them reaches ``merge_threshold``.

        With *touched* (the stories that gained documents), only they and the stories they reach
        through pairs whose mean cosine reaches the threshold are merged: a merged story's mean
        cosine with another is an average of its parts', so no merge leaves that set, and the
        other stories were consolidated by earlier calls.
        """
        rows = self._neighbourhood(touched)
        ids = sorted(rows, key=lambda sid: self.stories[sid].seq)
        index = {sid: i for i, sid in enumerate(ids)}
        dots = np.zeros((len(ids), len(ids)))
        for sid in ids:
            for other, value in rows[sid].items():
                if other in index:
                    dots[index[sid], index[other]] = value
        sizes = np.array([len(self.stories[sid].members) for sid in ids], dtype=float)
        done = [
            Merge(ids[kept], ids[absorbed], score)
            for kept, absorbed, score in self._agglomerate(dots, sizes, self._year_matrix(ids))
        ]
        for merge in done:
            self._merge(self.stories[merge.kept], self.stories[merge.absorbed])
        self.merges.extend(done)
        return done

    def _neighbourhood(self, touched: Iterable[str] | None) -> dict[str, dict[str, float]]:
        """The dot products (:meth:`_dots`) of every story's total, or with *touched*, of those
        stories and of the stories reached from them through pairs of mean cosine at the threshold."""
        if touched is None:
            return {sid: self._dots(story.total) for sid, story in self.stories.items()}
        rows: dict[str, dict[str, float]] = {}
        todo = [sid for sid in touched if sid in self.stories]
        while todo:
            sid = todo.pop()
            if sid in rows:
                continue
            rows[sid] = row = self._dots(self.stories[sid].total)
            least = self.merge_threshold * len(self.stories[sid].members)  # per member of the other
            todo += [o for o, v in row.items() if v >= least * len(self.stories[o].members)]
        return rows

    def split(self, story_ids: Iterable[str]) -> list[Split]:
        """Split the listed stories whose members no longer hold together.

        A story's members are clustered again by the rule of :meth:`consolidate` (average link,
        ``merge_threshold``); when they fall into several groups, the group of its oldest member
        keeps the story and each other group becomes a story ``story-<its first member>`` (an
        unclustered one when it holds one document). Run after :meth:`consolidate`, so that the
        parts split off never merge straight back.
        """
        done: list[Split] = []
        for sid in sorted(set(story_ids) & self.stories.keys(), key=lambda x: self.stories[x].seq):
            story = self.stories[sid]
            groups = self._regroup(story.members)
            for group in groups[1:]:
                done.append(self._split_off(story, group, groups[0]))
        self.splits.extend(done)
        return done

    def _regroup(self, members: list[str]) -> list[list[str]]:
        """*members* partitioned by average link at ``merge_threshold``; the oldest member's first."""
        vectors = [self._vectors[m] for m in members]
        dots = np.array([[dot(a, b) for b in vectors] for a in vectors])
        years_of = sorted({y for v in vectors for y in years(v)})
        counts = np.array([[float(y in years(v)) for y in years_of] or [0.0] for v in vectors])
        groups = {i: [m] for i, m in enumerate(members)}
        for kept, absorbed, _ in self._agglomerate(dots, np.ones(len(members)), counts):
            groups[kept] += groups.pop(absorbed)
        return [groups[i] for i in sorted(groups)]

    def _split_off(self, story: Story, group: list[str], rest: list[str]) -> Split:
        created = Story(f"story-{group[0]}", self._created)
        self._created += 1
        self.stories[created.id] = created
        story.members = [m for m in story.members if m not in set(group)]
        for term in story.total:
            self._postings[term].pop(story.id, None)
        story.total, story.years = {}, Counter()
        for doc_id in story.members:
            self._accumulate(story, self._vectors[doc_id])
        for doc_id in group:
            created.members.append(doc_id)
            self._story_of[doc_id] = created.id
            self._accumulate(created, self._vectors[doc_id])
        cross = np.mean([dot(self._vectors[a], self._vectors[b]) for a in group for b in rest])
        return Split(story.id, created.id, round(float(cross), 4), tuple(group))

    def _agglomerate(
        self, dots: np.ndarray, sizes: np.ndarray, year_counts: np.ndarray
    ) -> list[tuple[int, int, float]]:
        """Average-link merges of items (rows, oldest first) while the adjusted mean of two
        reaches ``merge_threshold``: ``(kept, absorbed, mean)``, the older row kept.

        *dots* is consumed (merged rows are summed into it). The adjusted means are kept in one
        matrix and only the kept row and column are worked out again after a merge, so memory is
        two matrices of the items whatever the merges, and each step costs one ``argmax``.
        """
        if len(sizes) < 2:
            return []
        sizes, year_counts = sizes.copy(), year_counts.copy()
        mean = np.empty_like(dots)
        for start in range(0, len(sizes), _BLOCK):
            rows = slice(start, start + _BLOCK)
            mean[rows] = self._means(dots, sizes, year_counts, rows, slice(None))
        np.fill_diagonal(mean, -np.inf)
        alive = np.ones(len(sizes), dtype=bool)
        done: list[tuple[int, int, float]] = []
        for _ in range(len(sizes) - 1):
            a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
            if mean[a, b] < self.merge_threshold:
                break
            kept, absorbed = int(min(a, b)), int(max(a, b))
            done.append((kept, absorbed, round(float(mean[a, b]), 4)))
            dots[kept, :] += dots[absorbed, :]
            dots[:, kept] += dots[:, absorbed]
            sizes[kept] += sizes[absorbed]
            year_counts[kept] += year_counts[absorbed]
            year_counts[absorbed] = 0
            alive[absorbed] = False
            row, every = slice(kept, kept + 1), slice(None)
            mean[row, every] = self._means(dots, sizes, year_counts, row, every)
            mean[every, row] = self._means(dots, sizes, year_counts, every, row)
            mean[kept, ~alive] = mean[~alive, kept] = mean[kept, kept] = -np.inf
            mean[absorbed, :] = mean[:, absorbed] = -np.inf
        return done

    def _means(
        self, dots: np.ndarray, sizes: np.ndarray, year_counts: np.ndarray, rows: slice, columns: slice
    ) -> np.ndarray:
        """Mean cosines of the items *rows* with the items *columns*, less the year penalty."""
        penalty = self.year_penalty * _year_disagreement(year_counts[rows], year_counts[columns])
        return dots[rows, columns] / np.outer(sizes[rows], sizes[columns]) - penalty

    def _merge(self, kept: Story, absorbed: Story) -> None:
        for doc_id in absorbed.members:
            self._story_of[doc_id] = kept.id
        kept.members.extend(absorbed.members)
        kept.years.update(absorbed.years)
        for term in absorbed.total:
            del self._postings[term][absorbed.id]
        self._accumulate(kept, absorbed.total)
        del self.stories[absorbed.id]

    def _accumulate(self, story: Story, vector: Mapping[str, float]) -> None:
        marked = years(vector)
        story.years.update(marked)
        for term, weight in vector.items():
            if term.startswith(YEAR_MARKER):
                continue
            story.total[term] = story.total.get(term, 0.0) + weight
            self._postings[term][story.id] = story.total[term]

    def _dots(self, vector: Mapping[str, float]) -> dict[str, float]:
        """Dot product of *vector* with every story total that shares a term with it."""
        acc: dict[str, float] = defaultdict(float)
        for term, weight in vector.items():
            for sid, total in self._postings.get(term, {}).items():
                acc[sid] += weight * total
        return acc

    def _mean_cosines(self, vector: Vector) -> dict[str, float]:
        marked = years(vector)
        return {
            sid: s / len(self.stories[sid].members)
            - self.year_penalty * _disagreement(marked, self.stories[sid].years)
            for sid, s in self._dots(vector).items()
        }

    def _year_matrix(self, ids: list[str]) -> np.ndarray:
        """Counts of each year (columns) among each story's members (rows, in *ids* order)."""
        columns = {
            year: i for i, year in enumerate(sorted({y for s in self.stories.values() for y in s.years}))
        }
        counts = np.zeros((len(ids), max(len(columns), 1)))
        for row, sid in enumerate(ids):
            for year, count in self.stories[sid].years.items():
                counts[row, columns[year]] = count
        return counts


def _disagreement(marked: list[str], story_years: Counter[str]) -> float:
    """The share of (document year, member year) pairs that differ; 0.0 if either is undated."""
    pairs = len(marked) * story_years.total()
    return 1.0 - sum(story_years[year] for year in marked) / pairs if pairs else 0.0


def _year_disagreement(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`_disagreement` between every row of year counts *a* and every row of *b* (stories)."""
    pairs = np.outer(a.sum(axis=1), b.sum(axis=1))
    return np.where(pairs > 0, 1.0 - a @ b.T / np.maximum(pairs, 1.0), 0.0)
