from dataclasses import replace

import pytest

from eventwire.model import (
    AcledCode,
    AnnotatedArticle,
    Annotations,
    Article,
    EventDate,
    EventMention,
    EventSize,
    Participant,
    Place,
    Span,
    TimeExpr,
)
from eventwire.store import open_store
from eventwire.store.codec import columns, from_row, to_row
from eventwire.store.schema import MIGRATIONS
from store.versions import old_store

TEXT = (
    "Border guards in Sudzha detained six conscripts on 3 May after they refused to board a train"
    " to the front, the local prosecutor said. Officials may call up more reservists in the autumn."
)


def article(i: str = "a1") -> Article:
    return Article(id=i, source=f"{i}.txt", fmt="text", title="Conscripts detained", text=TEXT, raw_text=TEXT,
                   published="2023-05-04", published_source="header", published_precision="day")  # fmt: skip


def at(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


def who(words: str, name: str, country: str | None, sector: str | None) -> Participant:
    span = at(words)
    return Participant(span.start, span.end, words, name, country, sector)


def full_event(i: str = "a1") -> EventMention:
    """An arrest with every field filled."""
    sudzha = at("Sudzha")
    return EventMention(
        id=f"{i}-ev1", event="COERCE", trigger=at("detained"), sentence=at(TEXT.split(". ")[0] + "."),
        mode=["arrest"], context=["military_discipline", "mobilization"],
        actor=[who("Border guards in Sudzha", "Border guards", "RUS", "MIL")],
        recipient=[who("six conscripts", "conscripts", "RUS", "MIL")],
        location=Place(sudzha.start, sudzha.end, "Sudzha", "Sudzha", 51.19, 35.27, 485698, "RU", "Kursk Oblast"),
        date=EventDate("2023-05-03", "day", "text", at("on 3 May")),
        size=[EventSize("arrested", 6, at("six"))],
        claimant=who("the local prosecutor", "local prosecutor", "RUS", "JUD"),
        certainty="claimed", certainty_span=at("said"),
        acled=AcledCode("Strategic developments", "Arrests", "ARREST"), confidence=0.87,
    )  # fmt: skip


def bare_event(i: str = "a1") -> EventMention:
    """A hypothetical mobilisation with a coarse date and nothing else."""
    return EventMention(
        id=f"{i}-ev2", event="MOBILIZE", trigger=at("call up"), sentence=at("Officials may call up more reservists in the autumn."),
        aux="hypothetical", aux_span=at("may"), date=EventDate("2023-09", "month", "publication"),
    )  # fmt: skip


def annotated(
    a: Article, events: list[EventMention], stages=("clean", "times", "events")
) -> AnnotatedArticle:
    when = at("on 3 May")
    times = [TimeExpr(when.start, when.end, "on 3 May", "DATE", "2023-05-03", "day")]
    return AnnotatedArticle(a, Annotations(times=times, events=events), list(stages))


@pytest.mark.parametrize("event", [full_event(), bare_event()], ids=["full", "bare"])
def test_codec_round_trips_every_nested_record(event):
    row = to_row(event)
    assert len(row) == len(columns("events"))
    assert from_row("events", dict(zip(columns("events"), row, strict=True))) == event


def test_events_are_saved_with_the_article_and_read_back_equal(store):
    store.save_batch(store.start_run("t"), [annotated(article(), [full_event(), bare_event()])], [])
    assert [(aid, e) for aid, e in store.annotations("events")] == [
        ("a1", full_event()),
        ("a1", bare_event()),
    ]
    assert store.counts()["events"] == 2


def test_rerunning_an_article_replaces_its_events(store):
    run = store.start_run("t")
    store.save_batch(run, [annotated(article(), [full_event(), bare_event()])], [])
    store.save_batch(run, [annotated(article(), [full_event()])], [])
    store.save_batch(run, [annotated(article(), [full_event(), full_event()])], [])  # same event twice
    assert [e.id for _, e in store.annotations("events")] == ["a1-ev1"]


def test_events_stay_when_another_stage_is_rerun(store):
    run = store.start_run("t")
    store.save_batch(run, [annotated(article(), [full_event()])], [])
    store.save_batch(run, [annotated(article(), [], stages=("clean", "times"))], [])
    assert store.counts()["events"] == 1


def test_a_bad_event_rolls_back_the_whole_batch(store):
    broken = replace(full_event("a2"), certainty=None)  # violates NOT NULL
    with pytest.raises(store.backend.IntegrityError):
        store.save_batch(store.start_run("t"), [annotated(article(), [full_event()]),
                                                annotated(article("a2"), [broken])], [])  # fmt: skip
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0


def test_index_columns_hold_the_date_period_place_and_acled_code(store):
    store.save_batch(store.start_run("t"), [annotated(article(), [full_event(), bare_event()])], [])
    rows = store.backend.query(
        "SELECT id, date_start, date_end, geonameid, country, acled_code, span_class, place, lat FROM events"
        " ORDER BY id"
    )
    assert [tuple(r) for r in rows] == [
        ("a1-ev1", "2023-05-03", "2023-05-03", 485698, "RU", "ARREST", 0, "sudzha", 51.19),
        ("a1-ev2", "2023-09-01", "2023-09-30", None, None, None, 2, None, None),
    ]


def test_the_type_and_date_index_serves_sqlite_queries(tmp_path):  # SQLite's planner only
    store = open_store(tmp_path / "s.db")
    plan = store.backend.plan(
        "SELECT id FROM events WHERE event = 'COERCE' AND date_start >= '2023-01-01'", []
    )
    assert "USING INDEX events_type_date" in " ".join(plan)
    store.close()


def test_a_version_2_store_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    db = old_store(path, 2, "clean,places")
    db.execute(
        "INSERT INTO places VALUES ('old', 0, 3, 'Old', 'Old', 1.0, 2.0, NULL, NULL, NULL, NULL, 'settlement')"
    )
    db.commit()
    db.close()
    store = open_store(path)
    assert store.schema_version == len(MIGRATIONS) == 7
    assert [a.id for a in store.articles()] == ["old"] and store.counts()["places"] == 1
    assert store.stages_done(["old"])["old"] == {"clean", "places"}  # the events stage still to run
    store.save_batch(store.start_run("t"), [annotated(article(), [full_event()])], [])
    assert [e for _, e in store.annotations("events")] == [full_event()]
    store.close()
