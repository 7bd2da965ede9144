"""Linking batches of new articles to a store: copies, stories, stable ids across runs."""

from __future__ import annotations

import json

import pytest

from eventwire.config import Settings
from eventwire.link.run import article_day, link_batch
from eventwire.model import AnnotatedArticle, Article
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.store import open_store

WIRE = (
    "Flooding closed the main road between Tarn and Selby on Thursday after the river Arle burst its banks,"
    " the regional roads agency said. About two hundred homes in the low-lying Millbrook district were"
    " evacuated overnight and volunteers filled sandbags at the Tarn fire station. Forecasters expect more"
    " rain over the weekend, and the agency warned drivers to avoid the valley until the water recedes."
)
COPY = WIRE.replace("on Thursday", "on Thursday morning").replace(
    "Forecasters expect", "Forecasters said to expect"
)
FERRY_3 = (
    "Marisol ferry death toll rises on Lake Varna\nThe bodies of three passengers of the ferry Marisol,"
    " which capsized on Lake Varna near Kessel, were recovered on Thursday, the Kessel harbour authority"
    " said. Nine passengers are still missing and divers continue to search the lake."
)


def article(doc_id: str, text: str, published: str | None = "2024-05-07") -> Article:
    title, _, body = text.partition("\n") if "\n" in text else (None, "", text)
    return Article(id=doc_id, source=f"{doc_id}.txt", fmt="text", title=title, text=body, raw_text=text,
                   published=published)  # fmt: skip


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "links.db")
    yield s
    s.close()


def save(store, articles, nlp):
    """Link *articles* and save them with their links, as the pipeline's link stage does."""
    links = link_batch(store, articles, nlp)
    store.save_batch(
        store.start_run("test"), [AnnotatedArticle(a, stages=["clean", "link"]) for a in articles], [], links
    )
    return links


def test_a_syndicated_copy_points_to_the_canonical_article_and_joins_its_story(store, nlp):
    links = save(store, [article("copy", COPY, "2024-05-03"), article("wire", WIRE, "2024-05-02")], nlp)
    found = {x.article_id: x for x in links.links}
    assert found["copy"].duplicate_of == "wire" and found["wire"].duplicate_of is None
    assert found["copy"].story_id == found["wire"].story_id == "story-wire"
    assert list(store.stories()) == []  # one independent article: unclustered


def test_reports_of_one_event_form_a_story_and_an_unrelated_one_stays_unclustered(store, nlp, articles):
    save(store, [article(k, articles[k]) for k in ("ferry_1", "ferry_2", "chess")], nlp)
    [story] = store.stories()
    assert (story.id, story.title, story.article_ids) == (
        "story-ferry_1",
        "Ferry capsizes on Lake Varna, twelve missing",
        ["ferry_1", "ferry_2"],
    )
    assert (story.first_date, story.last_date) == ("2024-05-07", "2024-05-07")
    assert store.story_ids(["ferry_1", "ferry_2", "chess"]) == {
        "ferry_1": "story-ferry_1",
        "ferry_2": "story-ferry_1",
    }


def test_a_later_run_joins_existing_stories_without_renaming_them(store, nlp, articles):
    save(store, [article(k, articles[k]) for k in ("ferry_1", "ferry_2", "strike_1", "chess")], nlp)
    before = {s.id: s.article_ids for s in store.stories()}
    later = save(
        store, [article("ferry_3", FERRY_3, "2024-05-09"), article("strike_2", articles["strike_2"])], nlp
    )
    after = {s.id: s.article_ids for s in store.stories()}
    assert before == {"story-ferry_1": ["ferry_1", "ferry_2"]}
    assert after == {
        "story-ferry_1": ["ferry_1", "ferry_2", "ferry_3"],
        "story-strike_1": ["strike_1", "strike_2"],
    }
    assert later.stories == {} and later.merges == []
    assert [s.last_date for s in store.stories()] == ["2024-05-09", "2024-05-07"]


def test_articles_outside_the_time_window_are_not_linked(store, nlp):
    save(store, [article("wire", WIRE, "2023-01-02")], nlp)
    [late] = save(store, [article("copy", COPY, "2024-05-03")], nlp).links
    assert (late.duplicate_of, late.story_id) == (None, "story-copy")


def test_the_day_of_an_article_is_the_first_day_of_its_publication_date():
    assert article_day(article("a", WIRE, "2024-05")) == "2024-05-01"
    assert article_day(article("a", WIRE, "2024")) == "2024-01-01"
    assert article_day(article("a", WIRE, None)) is None


def test_undated_articles_are_linked_in_the_window_of_the_day_they_were_linked(store, nlp, articles):
    save(store, [article("wire", WIRE, None), article("ferry_1", articles["ferry_1"], None)], nlp)
    later = save(store, [article("copy", COPY, None), article("ferry_2", articles["ferry_2"], None)], nlp)
    assert {(x.article_id, x.day, x.duplicate_of) for x in later.links} == {
        ("copy", None, "wire"),
        ("ferry_2", None, None),
    }
    [story] = store.stories()
    assert (story.article_ids, story.first_date, story.last_date) == (["ferry_1", "ferry_2"], None, None)
    assert store.story_ids(["wire", "copy"]) == {}  # one independent article and its copy: unclustered


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def record(text: str, date: str = "2024-05-07") -> dict[str, str]:
    title, _, body = text.partition("\n")
    return {"title": title, "text": body, "date": date}


def run(store, nlp, paths, progress=None):
    resources = Resources(Settings(batch_size=1))
    resources.nlp = nlp
    return Pipeline(store, resources, ("clean", "link")).run([str(p) for p in paths], "test", progress)


def test_the_pipeline_links_new_articles_once_and_resumes_after_an_interruption(
    store, nlp, articles, tmp_path
):
    first = write_jsonl(tmp_path / "a.jsonl", [record(articles[k]) for k in ("ferry_1", "chess", "ferry_2")])

    def stop_after_one_batch(report):
        if report.counts["added"] == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(store, nlp, [first], stop_after_one_batch)
    assert len(store.link_window("2024-05-07", "2024-05-07").links) == store.counts()["articles"] == 1
    run(store, nlp, [first])
    [story] = store.stories()
    again = run(store, nlp, [first])
    assert (again.counts["added"], again.counts["unchanged"]) == (0, 3)
    later = write_jsonl(tmp_path / "b.jsonl", [record(FERRY_3, "2024-05-09")])
    assert run(store, nlp, [first, later]).counts["added"] == 1
    [grown] = store.stories()
    assert grown.id == story.id and grown.article_ids == [*story.article_ids, grown.article_ids[-1]]
    assert len(store.link_window("2024-05-01", "2024-05-31").links) == 4 and list(store.story_merges()) == []


def test_the_link_stage_can_be_left_out(store, nlp, articles, tmp_path):
    resources = Resources()
    resources.nlp = nlp
    paths = [
        str(write_jsonl(tmp_path / "a.jsonl", [record(articles["ferry_1"]), record(articles["ferry_2"])]))
    ]
    Pipeline(store, resources, ("clean",)).run(paths, "test")
    assert store.link_window("0000-01-01", "9999-12-31").links == []
    assert run(store, nlp, paths).counts["updated"] == 2 and len(list(store.stories())) == 1
