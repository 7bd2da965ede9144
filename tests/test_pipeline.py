import pytest

from eventwire.config import Settings
from eventwire.pipeline import INGEST_STAGES, Pipeline
from eventwire.resources import Resources
from eventwire.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "p.db")
    yield s
    s.close()


def ingest(store, paths, batch_size=64, progress=None):
    resources = Resources(Settings(batch_size=batch_size))
    return Pipeline(store, resources, INGEST_STAGES).run([str(p) for p in paths], "test", progress)


def test_ingest_stores_articles_and_a_rerun_adds_nothing(store, corpus):
    first = ingest(store, [corpus])
    assert (first.counts["added"], len(first.rejects), first.status) == (4, 0, "ok")
    again = ingest(store, [corpus])
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 4)
    assert store.counts()["articles"] == 4


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_is_stored(store, bad_inputs):
    report = ingest(store, [bad_inputs])
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in report.rejects}
    assert reasons == {"photo.jpg": "binary", "empty.txt": "empty", "huge.txt": "oversized",
                       "broken.jsonl#2": "malformed"}  # fmt: skip
    titles = {a.title for a in store.articles()}
    assert "Draft office fire" in titles
    assert any("Ярославской" in a.text for a in store.articles())
    assert report.counts["added"] == 6
    assert {r.reason for _, r in store.rejects()} == {"binary", "empty", "oversized", "malformed"}


def test_interrupted_run_resumes_without_duplicates(store, corpus):
    def stop_after_first_batch(report):
        if report.counts["added"] >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(store, [corpus], batch_size=2, progress=stop_after_first_batch)
    assert store.counts()["articles"] == 2
    assert store.last_run().status == "interrupted"
    resumed = ingest(store, [corpus], batch_size=2)
    assert (resumed.counts["added"], resumed.counts["unchanged"]) == (2, 2)
    assert store.counts()["articles"] == 4


def test_same_content_twice_in_one_input_is_stored_once(store, tmp_path):
    text = "date 2023-02-14 Soldiers from the Tver region recorded a video appeal about missing equipment."
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(text)
    report = ingest(store, [tmp_path / "one.txt", tmp_path / "two.txt"])
    assert (report.counts["added"], report.counts["duplicates"]) == (1, 1)


def test_timings_are_recorded_per_stage(store, corpus):
    ingest(store, [corpus])
    timings = store.last_run().timings
    assert {"ingest", "clean", "store"} <= set(timings)
    assert timings["clean"].items == 4


def test_unknown_stage_is_refused(store):
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(store, Resources(), ("clean", "telepathy"))
