"""Online story clustering: joining, unclustered documents, stable ids, recorded merges and splits."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from eventwire.link.similarity import Settings, parse_terms, vectorize
from eventwire.link.stories import Merge, Split, StoryClusterer

DOCS = {"f1": "ferry_1", "s1": "strike_1", "c": "chess", "f2": "ferry_2", "s2": "strike_2"}  # id: article


@pytest.fixture(scope="module")
def vectors(nlp, articles) -> dict[str, dict[str, float]]:
    settings = Settings.load()
    texts = [articles[name] for name in DOCS.values()]
    return dict(
        zip(DOCS, vectorize(parse_terms(texts, nlp, settings), settings.story_sublinear_tf), strict=True)
    )


def _cluster(vectors, order) -> StoryClusterer:
    settings = Settings.load()
    clusterer = StoryClusterer(settings.join_threshold, settings.merge_threshold)
    for doc_id in order:
        clusterer.add(doc_id, vectors[doc_id])
    clusterer.consolidate()
    return clusterer


def test_two_reports_of_one_event_form_a_story_and_the_unrelated_one_stays_unclustered(vectors):
    clusterer = _cluster(vectors, DOCS)
    assert clusterer.story("f1") == clusterer.story("f2") == "story-f1"
    assert clusterer.story("s1") == clusterer.story("s2") == "story-s1"
    assert clusterer.story("c") is None
    assert clusterer.group("c") == "story-c"


def test_grouping_does_not_depend_on_arrival_order(vectors):
    groupings = set()
    for order in itertools.permutations(DOCS):
        clusterer = _cluster(vectors, order)
        groupings.add(frozenset(frozenset(s.members) for s in clusterer.stories.values()))
    assert groupings == {frozenset({frozenset({"f1", "f2"}), frozenset({"s1", "s2"}), frozenset({"c"})})}


def test_adding_documents_never_renames_a_story_and_merges_keep_the_older_id():
    clusterer = StoryClusterer(join_threshold=0.9, merge_threshold=0.5)
    assert clusterer.add("a", {"x": 1.0}) == "story-a"
    assert clusterer.add("b", {"x": 0.6, "y": 0.8}) == "story-b"  # cosine 0.6: below join
    assert clusterer.story("a") is None
    assert clusterer.consolidate() == [Merge(kept="story-a", absorbed="story-b", similarity=0.6)]
    assert clusterer.story("b") == "story-a"
    assert clusterer.add("c", {"x": 1.0}) == "story-c"  # mean cosine (1.0 + 0.6) / 2 = 0.8 < 0.9
    assert clusterer.story("c") is None and clusterer.story("a") == "story-a"
    assert clusterer.consolidate() == [Merge("story-a", "story-c", 0.8)]
    assert [clusterer.story(d) for d in "abc"] == ["story-a"] * 3
    assert [m.absorbed for m in clusterer.merges] == ["story-b", "story-c"]


def test_consolidating_touched_stories_merges_only_what_they_reach():
    clusterer = StoryClusterer(join_threshold=0.9, merge_threshold=0.5, year_penalty=0.0)
    vectors = {"a": {"x": 1.0}, "b": {"x": 0.6, "y": 0.8}, "c": {"z": 1.0}, "d": {"z": 0.8, "w": 0.6}}
    for doc_id, vector in vectors.items():
        assert clusterer.add(doc_id, vector) == f"story-{doc_id}"  # every cosine is below 0.9
    assert clusterer.consolidate(["story-d"]) == [Merge("story-c", "story-d", 0.8)]
    assert clusterer.story("a") is None  # a and b (cosine 0.6) are left for a call that touches them
    assert clusterer.consolidate() == [Merge("story-a", "story-b", 0.6)]


def test_a_story_whose_members_drifted_apart_splits_and_the_oldest_part_keeps_its_id():
    clusterer = StoryClusterer(join_threshold=0.6, merge_threshold=0.5, year_penalty=0.0)
    members = [("a", {"x": 1.0}), ("b", {"x": 0.8, "z": 0.6}), ("c", {"y": 1.0}), ("d", {"y": 1.0})]
    clusterer.restore("story-a", members)  # stored together; new IDF weights moved them apart
    clusterer.restore("story-e", [("e", {"w": 1.0}), ("f", {"w": 0.8, "z": 0.6})])
    assert clusterer.consolidate() == []
    assert clusterer.split(["story-a", "story-e"]) == [Split("story-a", "story-c", 0.0, ("c", "d"))]
    assert clusterer.stories["story-a"].members == ["a", "b"]
    assert [clusterer.story(d) for d in "abcdef"] == ["story-a"] * 2 + ["story-c"] * 2 + ["story-e"] * 2
    assert clusterer.add("g", {"y": 1.0}) == "story-c"  # the new story takes new reports
    assert clusterer.add("h", {"x": 1.0}) == "story-a"  # mean cosine 0.9 with a and b


def test_a_document_is_added_once():
    clusterer = StoryClusterer(0.5, 0.5)
    clusterer.add("a", {"x": 1.0})
    with pytest.raises(ValueError, match="already added"):
        clusterer.add("a", {"x": 1.0})


def test_documents_of_other_years_are_kept_apart_unless_undated():
    clusterer = StoryClusterer(join_threshold=0.5, merge_threshold=0.5, year_penalty=0.4)
    assert clusterer.add("a", {"quake": 1.0, "@year:2008": 0.0}) == "story-a"
    assert clusterer.add("b", {"quake": 0.8, "dam": 0.6, "@year:2013": 0.0}) == "story-b"  # 0.8 - 0.4
    assert clusterer.add("c", {"quake": 1.0}) == "story-a"  # undated: no penalty
    assert clusterer.add("d", {"quake": 1.0, "@year:2008": 0.0}) == "story-a"  # same year
    assert clusterer.stories["story-a"].years == {"2008": 2}
    assert "@year:2008" not in clusterer.stories["story-a"].total
    assert clusterer.consolidate() == []  # mean cosine 0.8 less 0.4 (both dated pairs differ)
    assert clusterer.story("b") is None


def test_the_year_penalty_defaults_to_the_setting():
    assert StoryClusterer(0.5, 0.5).year_penalty == Settings.load().year_penalty


class DenseAgglomeration(StoryClusterer):
    """The clusterer with every adjusted mean worked out again after each merge, on whole
    matrices: the reference that keeping the means and updating one row and column must equal."""

    def _agglomerate(self, dots, sizes, year_counts):
        dots, sizes, year_counts = dots.copy(), sizes.copy(), year_counts.copy()
        alive = np.ones(len(sizes), dtype=bool)
        done = []
        while alive.sum() > 1:
            dated = year_counts.sum(axis=1)
            pairs = np.outer(dated, dated)
            disagreement = np.where(
                pairs > 0, 1.0 - year_counts @ year_counts.T / np.maximum(pairs, 1.0), 0.0
            )
            mean = dots / np.outer(sizes, sizes) - self.year_penalty * disagreement
            mean[~alive, :] = mean[:, ~alive] = -np.inf
            np.fill_diagonal(mean, -np.inf)
            a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
            if mean[a, b] < self.merge_threshold:
                break
            kept, absorbed = (a, b) if a < b else (b, a)
            dots[kept, :] += dots[absorbed, :]
            dots[:, kept] += dots[:, absorbed]
            sizes[kept] += sizes[absorbed]
            year_counts[kept] += year_counts[absorbed]
            year_counts[absorbed] = 0
            alive[absorbed] = False
            done.append((int(kept), int(absorbed), round(float(mean[a, b]), 4)))
        return done


def _random_documents(seed: int, n: int) -> list[tuple[str, dict[str, float]]]:
    """*n* unit vectors around 40 topics of a 120-word vocabulary, most with a year marker."""
    rng = random.Random(seed)
    topics = [rng.sample(range(120), 5) for _ in range(40)]
    documents = []
    for i in range(n):
        words = rng.sample(rng.choice(topics), 3) + rng.sample(range(120), 2)
        weights = {f"w{w}": rng.random() + 0.2 for w in words}
        norm = sum(v * v for v in weights.values()) ** 0.5
        vector = {term: v / norm for term, v in weights.items()}
        if rng.random() < 0.8:
            vector[f"@year:{rng.choice(['2021', '2022', '2023'])}"] = 0.0
        documents.append((f"d{i:03d}", vector))
    return documents


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merges_and_splits_equal_working_out_every_mean_again_after_each_merge(seed):
    results = []
    for kind in (StoryClusterer, DenseAgglomeration):
        clusterer = kind(join_threshold=0.97, merge_threshold=0.3, year_penalty=0.2)
        documents = _random_documents(seed, 300)
        for doc_id, vector in documents[:280]:
            clusterer.add(doc_id, vector)
        merged = clusterer.consolidate()  # 280 stories: two blocks of rows
        for doc_id, vector in documents[280:]:
            clusterer.add(doc_id, vector)
        merged += clusterer.consolidate({clusterer.group(d) for d, _ in documents[280:]})
        split = clusterer.split(list(clusterer.stories))
        results.append((merged, split, {s.id: s.members for s in clusterer.stories.values()}))
    assert results[0] == results[1]
    merges = results[0][0]
    assert len(merges) > 100 and len({m.similarity for m in merges}) > 50
