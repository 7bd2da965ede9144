"""Links in the store: saved with their batch, windows, clustered stories, recorded merges and splits."""

import pytest

from eventwire.model import AnnotatedArticle, Annotations, Article, Event, EventMention, EventMerge, Span
from eventwire.store import ArticleLink, LinkBatch, StoryMerge, StorySplit, open_store
from eventwire.store.schema import MIGRATIONS
from store.versions import old_store

TEXT = "Rescuers searched the lake on Tuesday for twelve missing passengers."


def item(doc_id: str, day: str = "2024-05-07", events: int = 0) -> AnnotatedArticle:
    article = Article(id=doc_id, source=f"{doc_id}.txt", fmt="text", title=f"Title {doc_id}", text=TEXT,
                      raw_text=TEXT, published=day)  # fmt: skip
    found = [EventMention(id=f"{doc_id}-e{n}", event="AID", trigger=Span(0, 8), sentence=Span(0, len(TEXT)))
             for n in range(events)]  # fmt: skip
    return AnnotatedArticle(article, Annotations(events=found), ["clean", "events", "link"])


def link(doc_id: str, story: str, day: str = "2024-05-07", copy_of: str | None = None) -> ArticleLink:
    return ArticleLink(doc_id, bytes([len(doc_id)]) * 8, {doc_id: 1.0}, day, story, copy_of)


def test_links_round_trip_within_their_time_window(store):
    batch = LinkBatch([link("a", "story-a"), link("b", "story-b", "2024-06-01"), link("c", "story-a", copy_of="a")],
                      {"story-a": "Title a", "story-b": "Title b"})  # fmt: skip
    store.save_batch(store.start_run("t"), [item("a"), item("b", "2024-06-01"), item("c")], [], batch)
    window = store.link_window("2024-05-01", "2024-05-31")
    assert window.links == [link("a", "story-a"), link("c", "story-a", copy_of="a")]
    assert window.stories == ["story-a"]
    assert store.link_window("2024-05-01", "2024-06-30").stories == ["story-a", "story-b"]


def test_only_stories_of_two_independent_articles_are_clustered(store):
    batch = LinkBatch(
        [
            link("a", "story-a"),
            link("c", "story-a", copy_of="a"),
            link("d", "story-d"),
            link("e", "story-d", "2024-05-09"),
        ],
        {"story-a": "Title a", "story-d": "Title d"},
    )
    store.save_batch(
        store.start_run("t"),
        [item("a"), item("c"), item("d", events=2), item("e", "2024-05-09", 1)],
        [],
        batch,
    )
    [story] = store.stories()
    assert (story.id, story.title, story.article_ids) == ("story-d", "Title d", ["d", "e"])
    assert (story.event_ids, story.first_date, story.last_date) == (
        ["d-e0", "d-e1", "e-e0"],
        "2024-05-07",
        "2024-05-09",
    )
    assert store.story_ids(["a", "c", "d", "e", "zz"]) == {"d": "story-d", "e": "story-d"}


def test_a_merge_moves_the_absorbed_story_and_is_recorded(store):
    first = store.start_run("t")
    store.save_batch(first, [item("a"), item("b"), item("x")], [],
                     LinkBatch([link("a", "story-a"), link("b", "story-a"), link("x", "story-x")],
                               {"story-a": "Title a", "story-x": "Title x"}))  # fmt: skip
    second = store.start_run("t")
    store.save_batch(second, [item("y", "2024-05-10")], [],
                     LinkBatch([link("y", "story-x", "2024-05-10")], merges=[StoryMerge("story-a", "story-x", 0.31)]))  # fmt: skip
    assert [(s.id, s.article_ids, s.last_date) for s in store.stories()] == [
        ("story-a", ["a", "b", "x", "y"], "2024-05-10")
    ]
    assert list(store.story_merges()) == [(second, StoryMerge("story-a", "story-x", 0.31))]


def test_a_split_moves_the_members_and_their_copies_to_a_new_story_and_is_recorded(store):
    first = store.start_run("t")
    store.save_batch(first, [item("a"), item("b"), item("c", "2024-05-09"), item("d", "2024-05-10"), item("e")], [],
                     LinkBatch([link("a", "story-a"), link("b", "story-a"), link("c", "story-a", "2024-05-09"),
                                link("d", "story-a", "2024-05-10", copy_of="c"), link("e", "story-a")],
                               {"story-a": "Title a"}))  # fmt: skip
    second = store.start_run("t")
    split = StorySplit("story-a", "story-c", 0.12, ("c", "e"))
    store.save_batch(second, [], [], LinkBatch(splits=[split]))
    stories = {s.id: s for s in store.stories()}
    assert stories["story-a"].article_ids == ["a", "b"] and stories["story-a"].last_date == "2024-05-07"
    assert stories["story-c"].title == "Title c"
    assert (sorted(stories["story-c"].article_ids), stories["story-c"].last_date) == (
        ["c", "d", "e"],
        "2024-05-10",
    )
    assert list(store.story_splits()) == [(second, split)]


def test_a_new_article_can_join_the_story_a_split_of_its_batch_creates(store):
    first = store.start_run("t")
    store.save_batch(first, [item("a"), item("b"), item("c")], [],
                     LinkBatch([link("a", "story-a"), link("b", "story-a"), link("c", "story-a")],
                               {"story-a": "Title a"}))  # fmt: skip
    second = store.start_run("t")  # "d" joins "c", which then splits off into story-c
    split = StorySplit("story-a", "story-c", 0.1, ("c", "d"))
    store.save_batch(second, [item("d")], [], LinkBatch([link("d", "story-c")], splits=[split]))
    stories = {s.id: sorted(s.article_ids) for s in store.stories()}
    assert stories == {"story-a": ["a", "b"], "story-c": ["c", "d"]}


def test_a_story_merged_and_split_off_again_in_one_batch_keeps_its_members(store):
    first = store.start_run("t")
    store.save_batch(first, [item("a"), item("b"), item("c"), item("d")], [],
                     LinkBatch([link("a", "story-a"), link("b", "story-a"), link("c", "story-c"),
                                link("d", "story-c")], {"story-a": "Title a", "story-c": "Title c"}))  # fmt: skip
    second = store.start_run("t")  # story-c is absorbed, then splits off again with the new "e"
    merge, split = (
        StoryMerge("story-a", "story-c", 0.4),
        StorySplit("story-a", "story-c", 0.1, ("c", "d", "e")),
    )
    store.save_batch(
        second, [item("e")], [], LinkBatch([link("e", "story-c")], merges=[merge], splits=[split])
    )
    stories = {s.id: sorted(s.article_ids) for s in store.stories()}
    assert stories == {"story-a": ["a", "b"], "story-c": ["c", "d", "e"]}


def test_a_failing_batch_leaves_no_links(store):
    run = store.start_run("t")
    broken = LinkBatch([link("a", "story-a"), link("ghost", "story-a")], {"story-a": "Title a"})
    with pytest.raises(store.backend.IntegrityError, match=r"(?i)foreign key"):
        store.save_batch(run, [item("a")], [], broken)  # "ghost" is no stored article
    assert store.link_window("0000-01-01", "9999-12-31").links == [] and store.counts()["articles"] == 0


def test_a_version_3_store_upgrades_and_its_articles_can_be_linked(tmp_path):
    path = tmp_path / "v3.db"
    db = old_store(path, 3, "clean,events")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.schema_version == len(MIGRATIONS) == 7
    store.save_batch(store.start_run("t"), [], [], LinkBatch([link("old", "story-old")], {"story-old": None}))
    assert [x.article_id for x in store.link_window("2024-05-07", "2024-05-07").links] == ["old"]
    store.close()


def test_events_and_their_merges_are_saved_once_and_the_kept_id_stays(store):
    """Event a-e0 absorbs b-e0 (stored by an earlier run); re-saving the batch adds nothing."""
    first = LinkBatch([link("a", "story-a"), link("b", "story-b")], {"story-a": "Title a", "story-b": "Title b"},
                      events=[Event("a-e0", "AID", ["a-e0"]), Event("b-e0", "AID", ["b-e0"])])  # fmt: skip
    store.save_batch(store.start_run("t"), [item("a", events=1), item("b", events=1)], [], first)
    merge = EventMerge("a-e0", "b-e0", 0.7, "type=1.00")
    grown = Event("a-e0", "AID", ["a-e0", "c-e0", "b-e0"], 2, ["x", "y"], [merge])
    second = LinkBatch([link("c", "story-a")], events=[grown])
    for run in ("t2", "t3"):
        store.save_batch(store.start_run(run), [item("c", events=1)], [], second)
    linked = store.linked_events()
    assert set(linked) == {"a-e0", "b-e0", "c-e0"} and {id(e) for e in linked.values()} == {
        id(linked["a-e0"])
    }
    assert (linked["b-e0"].id, linked["b-e0"].mentions, linked["b-e0"].sources) == ("a-e0", grown.mentions, 2)
    assert [m for _, m in store.event_merges()] == [merge] and [r for r, _ in store.event_merges()] == [2]
    window = store.event_window("2024-05-07", "2024-05-07")
    assert [(e.id, e.mentions, e.outlets) for e in window.events] == [("a-e0", grown.mentions, ["x", "y"])]
    assert sorted(m.id for _, m in window.mentions) == ["a-e0", "b-e0", "c-e0"]
    assert store.event_window("2024-06-01", "2024-06-30").events == []


def test_links_and_story_sizes_of_articles(store):
    batch = LinkBatch([link("a", "story-a"), link("c", "story-a", copy_of="a"), link("d", "story-a")],
                      {"story-a": "Title a"})  # fmt: skip
    store.save_batch(store.start_run("t"), [item("a"), item("c"), item("d", events=2)], [], batch)
    assert store.links_of(["c", "zzz"]) == {"c": link("c", "story-a", copy_of="a")}
    assert store.story_sizes(["story-a", "story-z"]) == {"story-a": 2}
    assert [m.id for _, m in store.event_mentions(article_ids=["d"])] == ["d-e0", "d-e1"]
    assert [(a, m.id) for a, m in store.event_mentions(ids=["d-e1"])] == [("d", "d-e1")]
