"""Linking batches of new articles to a store: copies, stories, stable ids across runs."""

from __future__ import annotations

import json

import pytest

from eventwire.config import Settings
from eventwire.export import events
from eventwire.link import run as link_run
from eventwire.link.run import article_day, batches, link_batch, term_bags
from eventwire.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    EventDate,
    EventMention,
    Participant,
    Place,
    Span,
)
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


def test_articles_outside_the_time_window_and_not_linked_recently_are_not_linked(store, nlp, monkeypatch):
    monkeypatch.setattr(
        link_run.Settings, "load", classmethod(lambda cls: cls(window_days=30, recent_links=1))
    )
    save(store, [article("wire", WIRE, "2023-01-02")], nlp)
    save(
        store,
        [article("chess", "A chess club in Tarn opened a new hall for its junior players.", "2024-04-20")],
        nlp,
    )
    [late] = save(store, [article("copy", COPY, "2024-05-03")], nlp).links
    assert (late.duplicate_of, late.story_id) == (None, "story-copy")


def test_the_articles_linked_last_are_in_every_window_whatever_their_dates(store, nlp):
    save(store, [article("wire", WIRE, "2023-01-02")], nlp)
    [late] = save(store, [article("copy", COPY, None)], nlp).links  # undated: placed at today
    assert late.duplicate_of == "wire"


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


def run(store, nlp, paths, progress=None, group=1):
    resources = Resources(Settings(batch_size=1, link_batch=1, link_group=group))
    resources.nlp = nlp
    return Pipeline(store, resources, ("clean", "link")).run([str(p) for p in paths], "test", progress)


@pytest.mark.parametrize(("group", "first"), [(1, "ferry_2"), (2, "ferry_1")])
def test_a_link_group_is_linked_in_day_order(store, nlp, articles, tmp_path, group, first):
    newest_first = [record(articles["ferry_2"], "2024-05-08"), record(articles["ferry_1"], "2024-05-07")]
    run(store, nlp, [write_jsonl(tmp_path / "a.jsonl", newest_first)], group=group)
    [story] = store.stories()
    [starter] = [a for a in store.articles(story.article_ids) if a.title in articles[first]]
    assert story.id == f"story-{starter.id}"  # a story is named after the article that started it


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


class NoParser:
    """An nlp that fails if anything asks it to parse."""

    def pipe(self, *args, **kwargs):
        raise AssertionError("a text was parsed")

    memory_zone = pipe


def test_term_bags_made_beforehand_link_as_the_bags_parsed_at_link_time(tmp_path, nlp, articles):
    batch = [article(k, articles[k]) for k in ("ferry_1", "chess", "ferry_2")]
    batch += [article("wire", WIRE), article("copy", COPY)]
    parsed = link_batch(open_store(tmp_path / "a.db"), batch, nlp)
    given = link_batch(open_store(tmp_path / "b.db"), batch, NoParser(), bags=term_bags(batch, nlp))
    assert given.links == parsed.links
    links = {x.article_id: x for x in given.links}
    assert links["ferry_1"].story_id == links["ferry_2"].story_id != links["chess"].story_id
    assert links["copy"].duplicate_of == "wire"


def test_the_term_bags_are_made_with_the_articles_and_not_parsed_again_to_link(
    store, nlp, articles, tmp_path, monkeypatch
):
    sizes = []
    monkeypatch.setattr(link_run, "term_bags", lambda a, n: sizes.append(len(a)) or term_bags(a, n))
    paths = [
        write_jsonl(tmp_path / "a.jsonl", [record(articles[k]) for k in ("ferry_1", "chess", "ferry_2")])
    ]
    report = run(store, nlp, paths)
    # each article was parsed once for its bag, with its partition, and not again to be linked
    assert sum(sizes) == report.timings["terms"].items == 3 and len(list(store.stories())) == 1


def test_the_link_stage_can_be_left_out(store, nlp, articles, tmp_path):
    resources = Resources()
    resources.nlp = nlp
    paths = [
        str(write_jsonl(tmp_path / "a.jsonl", [record(articles["ferry_1"]), record(articles["ferry_2"])]))
    ]
    Pipeline(store, resources, ("clean",)).run(paths, "test")
    assert store.link_window("0000-01-01", "9999-12-31").links == []
    assert run(store, nlp, paths).counts["updated"] == 2 and len(list(store.stories())) == 1


# --- event coreference -------------------------------------------------------------------------

WALKOUT = (
    "Dock workers walked out at the port of Kessel on Monday, halting the ferries across Lake Varna, the"
    " harbour authority said. The union said the strike would last until wage talks resume, and about four"
    " hundred workers gathered outside the harbour gates while police watched from the quay."
)
WALKOUT_COPY = WALKOUT.replace("on Monday", "on Monday morning").replace("police watched", "police looked on")
WALKOUT_OTHER = (
    "Ferries stayed tied up in Kessel on Monday after dock workers walked out over pay, according to the"
    " harbour authority. Union leaders said some 400 members had joined the stoppage."
)
CHESS_MATCH = "The Kessel chess club won the regional final on Monday, its captain said."


def report(doc_id: str, text: str, outlet: str, kind: str = "PROTEST", trigger: str = "walked out",
           actor: str = "dock workers") -> AnnotatedArticle:  # fmt: skip
    """An article with one event mention in its first sentence, coded by hand as the events stage would."""
    article = Article(id=doc_id, source=f"{doc_id}.txt", fmt="text", title=None, text=text, raw_text=text,
                      published="2024-05-06", outlet=outlet)  # fmt: skip
    word, who, place, day = (
        text.index(trigger),
        text.lower().index(actor),
        text.index("Kessel"),
        text.index("on Monday"),
    )
    mention = EventMention(
        id=f"{doc_id}-e1", event=kind, trigger=Span(word, word + len(trigger)),
        sentence=Span(0, text.index(".") + 1),
        actor=[Participant(who, who + len(actor), text[who : who + len(actor)], actor, None, "LAB")],
        location=Place(place, place + 6, "Kessel", "Kessel", 46.1, 25.3, 9990001, "XK", "Varna", "P"),
        date=EventDate("2024-05-06", "day", "text", Span(day, day + 9)),
    )  # fmt: skip
    return AnnotatedArticle(article, Annotations(events=[mention]), ["clean", "events", "link"])


def save_reports(store, reports, nlp):
    """Link the reports with their event mentions and save them, as the pipeline's link stage does."""
    mentions = {r.article.id: r.annotations.events for r in reports}
    links = link_batch(store, [r.article for r in reports], nlp, mentions)
    store.save_batch(store.start_run("test"), reports, [], links)
    return links


def test_two_outlets_reporting_one_event_make_one_event_with_two_sources(store, nlp):
    links = save_reports(
        store, [report("courier", WALKOUT, "Lake Courier"), report("post", WALKOUT_OTHER, "Varna Post")], nlp
    )
    [event] = links.events
    assert (event.id, event.mentions, event.sources) == ("courier-e1", ["courier-e1", "post-e1"], 2)
    [record] = events.records(store)
    assert (record["id"], record["sources"], record["event"]) == ("courier-e1", 2, "PROTEST")
    assert [(m["article_id"], m["source"]) for m in record["mentions"]] == [
        ("courier", "Lake Courier"),
        ("post", "Varna Post"),
    ]
    assert record["mentions"][1]["sentence"].startswith("Ferries stayed tied up")
    assert record["evidence"]["article_id"] == "courier"


def test_a_syndicated_copy_joins_the_event_without_adding_a_source(store, nlp):
    links = save_reports(
        store, [report("wire", WALKOUT, "Lake Courier"), report("copy", WALKOUT_COPY, "Valley Times")], nlp
    )
    assert {x.article_id: x.duplicate_of for x in links.links} == {"wire": None, "copy": "wire"}
    [event] = links.events
    assert (sorted(event.mentions), event.sources, len(event.outlets)) == (["copy-e1", "wire-e1"], 1, 1)
    [record] = events.records(store)
    assert record["sources"] == 1 and len(record["mentions"]) == 2


def test_a_later_run_joins_stored_events_and_a_rerun_changes_nothing(store, nlp):
    save_reports(store, [report("courier", WALKOUT, "Lake Courier")], nlp)
    later = [
        report("post", WALKOUT_OTHER, "Varna Post"),
        report("club", CHESS_MATCH, "Varna Post", "AGREE", "won", "chess club"),
    ]
    links = save_reports(store, later, nlp)
    assert sorted((e.id, tuple(e.mentions), e.sources) for e in links.events) == [
        ("club-e1", ("club-e1",), 1),
        ("courier-e1", ("courier-e1", "post-e1"), 2),
    ]
    before = list(events.records(store))
    store.save_batch(store.start_run("again"), later, [], links)  # the same batch saved twice
    assert list(events.records(store)) == before and [r["sources"] for r in before] == [2, 1]
    assert save_reports(store, [], nlp).events == []


def test_the_pipeline_merges_one_event_reported_by_two_outlets(store, tmp_path):
    path = tmp_path / "two_outlets.jsonl"
    write_jsonl(path, [
        {"title": "Dock workers strike in Gdansk", "outlet": "Baltic Post", "published": "2024-05-07",
         "text": "Hundreds of dock workers went on strike at the port of Gdansk on Monday, demanding higher"
                 " wages. The union said the strike would continue until the port authority made an offer."},
        {"title": "Gdansk port halted as dockers walk out", "outlet": "Coastal Daily", "published": "2024-05-07",
         "text": "Dock workers at the port of Gdansk went on strike on Monday over pay, halting the loading of"
                 " ships. Union leaders told reporters the strike had the support of most of the workforce."},
    ])  # fmt: skip
    Pipeline(store, Resources(Settings()), Settings().stages).run([str(path)], "test")
    records = list(events.records(store))
    strikes = [r for r in records if r["sources"] > 1]
    assert len(strikes) == 1 and (strikes[0]["event"], strikes[0]["sources"]) == ("PROTEST", 2)
    assert strikes[0]["location"]["name"] == "Gdańsk"
    assert {m["source"] for m in strikes[0]["mentions"]} == {"Baltic Post", "Coastal Daily"}


def test_an_article_whose_text_names_no_year_is_dated_by_its_publication_year(store, nlp):
    undated_text = article("a", FERRY_3, published="2024-05-07")
    named_year = article("b", FERRY_3 + " The lake's last accident was in 1998, and 1998 saw 40 dead.")
    terms = {link.article_id: link.terms for link in link_batch(store, [undated_text, named_year], nlp).links}
    assert [t for t in terms["a"] if t.startswith("@year:")] == ["@year:2024"]
    assert [t for t in terms["b"] if t.startswith("@year:")] == ["@year:1998"]


def test_batches_are_cut_by_size_and_by_days_so_a_thin_spread_keeps_windows_narrow():
    days = ["2024-01-01", "2024-01-20", "2024-01-31", "2024-02-01", "2024-06-30", "2024-07-01", "2024-07-02"]
    spread = [Article(f"a{i}", "feed", "text", None, "x", "x", published=day) for i, day in enumerate(days)]
    undated = Article("u", "feed", "text", None, "x", "x")  # placed today, after them
    cut = batches([*reversed(spread), undated], size=2)
    assert [[a.id for a in batch] for batch in cut] == [
        ["a0", "a1"],
        ["a2", "a3"],
        ["a4", "a5"],
        ["a6"],
        ["u"],
    ]
    cut = batches(spread, size=256)  # window_days = 30: a batch spans at most 30 days
    assert [[a.id for a in batch] for batch in cut] == [["a0", "a1", "a2"], ["a3"], ["a4", "a5", "a6"]]
