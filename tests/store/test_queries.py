"""The API's queries: events as the export lists them (first mentions), filters, keyset pages, facets."""

from __future__ import annotations

import sqlite3

import pytest

from eventwire.errors import UserError
from eventwire.export.events import records
from eventwire.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Event,
    EventDate,
    EventMention,
    EventMerge,
    Participant,
    Place,
    Span,
)
from eventwire.store import ArticleLink, EventFilter, LinkBatch, open_store
from eventwire.store.schema import MIGRATIONS

TEXTS = {
    "a": "Artillery shelled Horlivka on Friday. Volunteers protested in Kursk.",
    "b": "Shelling hit Horlivka again, officials said. Reservists were called up in 2023.",
    "c": "Police detained deserters near Shebekino in March.",
}
PLACES = {
    "Horlivka": (48.30, 38.02, 707753, "UA"),
    "Kursk": (51.73, 36.19, 538560, "RU"),
    "Shebekino": (50.41, 36.89, 495112, "RU"),
}


def mention(article: str, n: int, event: str, words: str, date: str | None = None, place: str | None = None,
            actor: str | None = None, certainty: str = "asserted") -> EventMention:  # fmt: skip
    text = TEXTS[article]
    start = text.index(words)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    where = None
    if place:
        lat, lon, gid, country = PLACES[place]
        at = text.index(place)
        where = Place(at, at + len(place), place, place, lat, lon, gid, country)
    who = [Participant(start, start + len(words), words, actor)] if actor else []
    return EventMention(
        id=f"{article}-e{n}", event=event, trigger=Span(start, start + len(words)),
        sentence=Span(sentence_start, sentence_end), actor=who, location=where,
        date=EventDate(date, None, "text") if date else None, certainty=certainty,
    )  # fmt: skip


MENTIONS = {
    "a": [mention("a", 1, "ASSAULT", "shelled", "2023-03-17", "Horlivka", "Artillery units"),
          mention("a", 2, "PROTEST", "protested", "2023-03", "Kursk", certainty="claimed")],
    "b": [mention("b", 1, "ASSAULT", "Shelling hit", "2023-03-18", "Horlivka"),
          mention("b", 2, "MOBILIZE", "called up", "2023", actor="Reservist groups")],
    "c": [mention("c", 1, "COERCE", "detained", None, "Shebekino", "Police")],
}  # fmt: skip


def item(article: str, published: str | None = "2023-03-18") -> AnnotatedArticle:
    text = TEXTS[article]
    a = Article(id=article, source=f"{article}.txt", fmt="text", title=f"Title {article}", text=text,
                raw_text=text, published=published, outlet=f"Outlet {article}")  # fmt: skip
    return AnnotatedArticle(a, Annotations(events=list(MENTIONS[article])), ["clean", "events"])


def story_links(*articles: str) -> LinkBatch:
    links = [ArticleLink(x, bytes(8), {x: 1.0}, "2023-03-18", "story-a") for x in articles]
    return LinkBatch(links, {"story-a": "Title a"})


def fill(store):
    """Articles a, b, c; b's shelling is a second mention of a's (one real-world event)."""
    batch = story_links("a", "b")
    batch.events = [Event("a-e1", "ASSAULT", ["a-e1", "b-e1"], 2, ["Outlet a", "Outlet b"])]
    store.save_batch(store.start_run("t"), [item("a"), item("b"), item("c", None)], [], batch)
    return store


@pytest.fixture
def filled(store):
    return fill(store)


def listed(store, chosen=EventFilter(), limit=100):  # noqa: B008
    return [m.id for _, m in store.event_page(chosen, None, limit).rows]


def test_events_are_the_first_mentions_as_the_export_lists_them(filled):
    assert (
        sorted(listed(filled)) == sorted(r["id"] for r in records(filled)) == ["a-e1", "a-e2", "b-e2", "c-e1"]
    )


def test_re_saving_or_dropping_a_first_mention_keeps_the_events_as_the_export(filled):
    filled.save_batch(filled.start_run("t"), [item("a")], [])  # events re-stored: the first mention again
    assert sorted(listed(filled)) == sorted(r["id"] for r in records(filled))
    again = item("a")
    again.annotations.events = again.annotations.events[1:]  # a-e1 no longer found
    filled.save_batch(filled.start_run("t"), [again], [])
    assert "b-e1" in listed(filled)  # its other mention stands alone, as in the export
    assert sorted(listed(filled)) == sorted(r["id"] for r in records(filled))


def test_an_absorbed_event_leaves_the_list(filled):
    merge = EventMerge("a-e2", "b-e2", 0.9, "type=1.0")
    kept = Event("a-e2", "PROTEST", ["a-e2", "b-e2"], 2, ["Outlet a", "Outlet b"], [merge])
    filled.save_batch(filled.start_run("t"), [], [], LinkBatch(events=[kept]))
    assert "b-e2" not in listed(filled)
    assert sorted(listed(filled)) == sorted(r["id"] for r in records(filled))


def test_filters(filled):
    assert listed(filled, EventFilter(types=("ASSAULT", "COERCE"))) == ["a-e1", "c-e1"]
    assert listed(filled, EventFilter(date_from="2023-03-18", date_to="2023-03-31")) == ["b-e2", "a-e2"]
    assert listed(filled, EventFilter(date_from="2023-12-31")) == ["b-e2"]  # the year 2023 overlaps
    assert listed(filled, EventFilter(bbox=(37.0, 48.0, 39.0, 49.0))) == ["a-e1"]
    assert listed(filled, EventFilter(bbox=(36.5, 50.0, 35.0, 51.0))) == ["c-e1"]  # across the antimeridian
    assert listed(filled, EventFilter(place="kursk")) == ["a-e2"]
    assert listed(filled, EventFilter(actor="UNITS")) == ["a-e1"]
    assert listed(filled, EventFilter(certainty=("claimed",))) == ["a-e2"]
    assert listed(filled, EventFilter(story="story-a")) == ["b-e2", "a-e2", "a-e1"]
    assert listed(filled, EventFilter(article="c")) == ["c-e1"]
    assert listed(filled, EventFilter(q="called")) == ["b-e2"]
    assert listed(filled, EventFilter(q="horlivka")) == ["a-e1"]  # b's sentence is b-e1's, not an event's
    assert listed(filled, EventFilter(q="shelled OR called")) == ["b-e2", "a-e1"]


def test_a_malformed_text_query_is_the_users_error_on_sqlite_and_words_on_postgres(filled):
    if filled.backend.name == "sqlite":  # FTS5 syntax
        with pytest.raises(UserError, match="bad search query"):
            listed(filled, EventFilter(q='"open'))
    else:  # websearch_to_tsquery reads any text as words
        assert listed(filled, EventFilter(q='"open')) == [] and listed(filled, EventFilter(q='"Kursk')) == [
            "a-e2"
        ]


def test_pages_continue_after_the_last_key_with_undated_events_last(filled):
    first = filled.event_page(EventFilter(), None, 2)
    assert [m.id for _, m in first.rows] == ["b-e2", "a-e2"] and first.next == ("2023-03-01", "a-e2")
    rest = filled.event_page(EventFilter(), first.next, 2)
    assert [m.id for _, m in rest.rows] == ["a-e1", "c-e1"] and rest.next is None


def test_facets_count_what_the_filter_keeps(filled):
    facets = filled.event_facets(EventFilter(), 10)
    assert facets.total == 4 and facets.types == {"ASSAULT": 1, "PROTEST": 1, "MOBILIZE": 1, "COERCE": 1}
    assert facets.certainty == {"asserted": 3, "claimed": 1}
    assert facets.timeline == [
        ("2023-01-01", "MOBILIZE", 1),
        ("2023-03-01", "PROTEST", 1),
        ("2023-03-17", "ASSAULT", 1),
    ]
    assert [(p.name, p.events) for p in facets.places] == [("Horlivka", 1), ("Kursk", 1), ("Shebekino", 1)]
    assert filled.event_facets(EventFilter(types=("COERCE",)), 10).timeline == []


def test_articles_page_newest_first_and_search(filled):
    page = filled.article_page(None, None, 2)
    assert [h.article.id for h in page.hits] == ["b", "a"] and page.next == ("2023-03-18", "a")
    assert [h.article.id for h in filled.article_page(None, page.next, 2).hits] == ["c"]
    found = filled.article_page("deserters", None, 5).hits
    assert [h.article.id for h in found] == ["c"] and "[deserters]" in found[0].snippet


def test_stories_page_and_one_story(filled):
    assert [s.id for s in filled.story_page(None, 5)] == ["story-a"] and filled.story_page("story-a", 5) == []
    story = filled.story("story-a")
    assert story is not None and story.article_ids == ["a", "b"] and filled.story("nope") is None


def test_a_page_merges_ordered_index_scans_without_sorting(tmp_path):  # SQLite's planner
    filled = fill(open_store(tmp_path / "s.db"))
    chosen = EventFilter(types=("ASSAULT", "PROTEST"), date_from="2023-01-01", date_to="2023-02-01",
                         bbox=(30.0, 40.0, 40.0, 50.0))  # fmt: skip
    plan = " ".join(filled.event_plan(chosen))
    assert (
        plan.count("USING COVERING INDEX events_rep_type") + plan.count("USING INDEX events_rep_type") == 12
    )
    assert "MERGE (UNION ALL)" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(filled.event_plan(EventFilter()))
    assert plan.count("events_rep_span") == 7 and "TEMP B-TREE" not in plan
    assert "events_article" in " ".join(filled.event_plan(EventFilter(article="a")))
    filled.close()


def test_the_plan_of_a_page_names_the_events_table(filled):
    assert "events" in " ".join(filled.event_plan(EventFilter(types=("ASSAULT",), date_from="2023-01-01")))


def test_a_version_5_store_upgrades_with_its_events_listed_as_before(tmp_path):
    path = tmp_path / "v5.db"
    old = open_store(path)
    old.backend.db.executescript(
        "DROP TRIGGER events_rep_ai; DROP TRIGGER events_rep_ad; DROP TRIGGER event_mentions_ai;"
        " DROP TRIGGER event_mentions_au; DROP TRIGGER events_fts_ai; DROP TRIGGER events_fts_ad;"
    )  # a store as version 5 wrote it: no flags kept, no sentence index
    batch = story_links("a", "b")
    batch.events = [Event("a-e1", "ASSAULT", ["a-e1", "b-e1"], 2, ["Outlet a", "Outlet b"])]
    old.save_batch(old.start_run("t"), [item("a"), item("b")], [], batch)
    old.close()
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE events_fts; DROP TABLE story_splits; PRAGMA user_version=5;")
    db.close()
    migrated = _remigrate(path)
    assert migrated.schema_version == len(MIGRATIONS)
    assert sorted(listed(migrated)) == sorted(r["id"] for r in records(migrated)) == ["a-e1", "a-e2", "b-e2"]
    assert listed(migrated, EventFilter(q="protested")) == ["a-e2"]
    migrated.close()


def _remigrate(path):
    """Drop what migration 6 added (but the sentence index, already dropped), then open: it runs again."""
    db = sqlite3.connect(path)
    for index in ("events_rep_span", "events_rep_type", "events_rep_place", "articles_published"):
        db.execute(f"DROP INDEX {index}")
    for column in ("sort_day", "span_class", "place", "lat", "lon", "rep"):
        db.execute(f"ALTER TABLE events DROP COLUMN {column}")
    db.commit()
    db.close()
    return open_store(path)
