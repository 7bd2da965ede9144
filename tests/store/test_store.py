import sys
from dataclasses import replace

import pytest

from eventwire.errors import UserError
from eventwire.model import AnnotatedArticle, Annotations, Article, Place, Quote, Reject, Span, TimeExpr
from eventwire.store import StageTiming, open_store
from eventwire.store.schema import MIGRATIONS

TEXT = "Soldiers in Shebekino said on Wednesday that they had no tents."


def article(i: str = "a1", text: str = TEXT) -> Article:
    return Article(id=i, source=f"{i}.txt", fmt="text", title="Tents", text=text, raw_text=text,
                   published="2023-01-19", published_source="epoch", published_precision="day")  # fmt: skip


def annotated(a: Article, stages=("clean", "times", "places", "quotes")) -> AnnotatedArticle:
    notes = Annotations(
        times=[TimeExpr(27, 39, "on Wednesday", "DATE", "2023-01-18", "day")],
        places=[Place(12, 21, "Shebekino", "Shebekino", 50.4, 36.9, 496285, "RU", "Belgorod Oblast", "P")],
        quotes=[Quote([Span(0, 21)], [Span(22, 26)], [Span(45, 62)], speaker="Soldiers in Shebekino")],
    )
    return AnnotatedArticle(a, notes, list(stages))


def test_new_store_is_migrated_to_the_latest_schema(store):
    assert store.schema_version == len(MIGRATIONS)
    assert store.counts()["articles"] == 0


def test_articles_and_annotations_round_trip(store):
    run = store.start_run("test")
    store.save_batch(run, [annotated(article())], [Reject("bad.bin", "binary", "binary content")])
    [a] = store.articles()
    assert a == article()
    [(aid, place)] = store.annotations("places")
    assert aid == "a1" and place.name == "Shebekino" and place.geonameid == 496285
    [(_, quote)] = store.annotations("quotes")
    assert quote.source == [Span(0, 21)] and quote.content[0].text(TEXT) == "they had no tents"
    assert store.stages_done(["a1", "zz"]) == {"a1": frozenset({"clean", "times", "places", "quotes"})}
    assert store.stages_done(None) == store.stages_done(["a1"])  # every stored article
    assert [r for _, r in store.rejects(run)] == [Reject("bad.bin", "binary", "binary content")]


def test_saving_again_replaces_only_the_stages_run_now(store):
    run = store.start_run("test")
    store.save_batch(run, [annotated(article())], [])
    rerun = annotated(article(), stages=("clean", "times"))
    rerun.annotations.times = []
    store.save_batch(run, [rerun], [])
    counts = store.counts()
    assert (counts["articles"], counts["times"], counts["places"], counts["quotes"]) == (1, 0, 1, 1)
    assert store.stages_done(["a1"])["a1"] == {"clean", "times", "places", "quotes"}


def test_a_failing_batch_leaves_nothing_behind(store, monkeypatch):
    run = store.start_run("test")
    broken = annotated(article("a2"))
    broken.annotations.places[0].lat = None  # violates NOT NULL inside the transaction
    with pytest.raises(store.backend.IntegrityError):
        store.save_batch(run, [annotated(article("a1")), broken], [Reject("x", "empty", "")])
    assert store.counts()["articles"] == 0 and store.counts()["rejects"] == 0


def test_runs_record_counts_and_timings(store):
    run = store.start_run("run demo")
    store.finish_run(run, "ok", {"added": 3}, {"clean": StageTiming(0.5, 3)})
    last = store.last_run()
    assert (last.command, last.status, last.counts) == ("run demo", "ok", {"added": 3})
    assert last.timings["clean"].items == 3


def test_full_text_search(store):
    run = store.start_run("t")
    store.save_batch(
        run,
        [annotated(article()), annotated(replace(article("b", "Deserters left in a taxi."), title="Taxi"))],
        [],
    )
    hits = store.search("tents")
    assert [h.article.id for h in hits] == ["a1"] and "[tents]" in hits[0].snippet
    assert [h.article.id for h in store.search("deserters OR shebekino")] != []


def test_reopening_keeps_data(location):
    s = open_store(location)
    s.save_batch(s.start_run("t"), [annotated(article())], [])
    s.close()
    again = open_store(location)
    assert again.counts()["articles"] == 1 and again.schema_version == len(MIGRATIONS)
    again.close()


def test_an_unreachable_postgres_server_is_a_one_line_error():
    with pytest.raises(UserError, match=r"^cannot open store postgresql://ew:\*\*\*@127\.0\.0\.1:9/") as err:
        open_store("postgresql://ew:secret@127.0.0.1:9/nothing")
    assert "\n" not in str(err.value) and "secret" not in str(err.value)


def test_without_psycopg_a_postgres_store_names_the_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(UserError, match=r"pip install 'eventwire\[postgres\]'"):
        open_store("postgresql://ew@127.0.0.1:9/nothing")
