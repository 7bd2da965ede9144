import pytest

from eventwire.config import Settings
from eventwire.model import RawDocument
from eventwire.pipeline import INGEST_STAGES, LINK_STAGE, Pipeline, annotate_partition
from eventwire.resources import Resources
from eventwire.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "p.db")
    yield s
    s.close()


ANNOTATE = tuple(s for s in Settings().stages if s != LINK_STAGE)


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


def test_a_partition_leaves_no_new_strings_in_spacys_vocabulary():
    """A long run must not grow: the words of annotated texts are not kept after their partition."""
    resources = Resources(Settings())
    text = "Soldiers of the {0} brigade said the commander {0}ovich lied to them about the {0}ka front."
    first = [RawDocument(f"w{i}", "text", text.format(f"Zorvath{i}")) for i in range(3)]
    annotate_partition(first, resources, ANNOTATE)
    strings = len(resources.nlp.vocab.strings)
    second = [RawDocument(f"x{i}", "text", text.format(f"Quillmar{i}")) for i in range(3)]
    result = annotate_partition(second, resources, ANNOTATE)
    assert [item.stages[-1] for item in result.items] == ["events"] * 3 and not result.rejects
    assert len(resources.nlp.vocab.strings) == strings
