"""A small store with every kind of record, events built directly as EventMention records."""

from __future__ import annotations

import io

import pytest

from eventwire.export.registry import get_format
from eventwire.model import (
    AcledCode,
    AnnotatedArticle,
    Annotations,
    Article,
    Entity,
    EventDate,
    EventMention,
    EventSize,
    Participant,
    Place,
    Quote,
    Reject,
    Span,
    TimeExpr,
)
from eventwire.store import ArticleLink, LinkBatch, open_store

SHELLING = (
    "Artillery shelled a bus station in Horlivka on Friday, killing three civilians and wounding eleven,"
    " the city's mayor said. Russian and separatist officials accused Ukrainian forces and foreign"
    " mercenaries of the strike, which could not be independently verified."
)
CALL_UP = (
    "About 900 reservists were called up across the Kursk region in October, a local newspaper reported."
    " Rumours say a second wave could follow in the spring."
)


def at(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def who(
    text: str, words: str, name: str, country: str | None = None, sector: str | None = None
) -> Participant:
    span = at(text, words)
    return Participant(span.start, span.end, words, name, country, sector)


def sentence(text: str, n: int) -> Span:
    return at(text, [s + "." for s in text.removesuffix(".").split(". ")][n])


def shelling_article() -> AnnotatedArticle:
    t = SHELLING
    article = Article(id="art1", source="in/herald.txt", fmt="text", title="Bus station shelled", text=t,
                      raw_text=t, published="2023-03-18", published_source="header",
                      published_precision="day", outlet="Steppe Herald", language="en")  # fmt: skip
    horlivka = at(t, "Horlivka")
    strike = EventMention(
        id="art1-e1", event="ASSAULT", trigger=at(t, "shelled"), sentence=sentence(t, 0),
        mode=["explosives"], context=["casualties"],
        actor=[who(t, "Artillery", "artillery", None, "MIL")],
        recipient=[who(t, "three civilians", "civilians", "UKR", "CVL")],
        location=Place(horlivka.start, horlivka.end, "Horlivka", "Horlivka", 48.3336, 38.0925,
                               6618983, "UA", "Donetsk Oblast"),
        date=EventDate("2023-03-17", "day", "text", at(t, "on Friday")),
        size=[EventSize("dead", 3, at(t, "three")), EventSize("injured", 11, at(t, "eleven"))],
        claimant=who(t, "the city's mayor", "mayor of Horlivka", "UKR", "GOV"),
        certainty="unverified", certainty_span=at(t, "could not be independently verified"),
        acled=AcledCode("Explosions/Remote violence", "Shelling/artillery/missile attack", "ART_MISS_ATTACK"),
        confidence=0.91,
    )  # fmt: skip
    blame = EventMention(
        id="art1-e2", event="ACCUSE", trigger=at(t, "accused"), sentence=sentence(t, 1),
        actor=[who(t, "Russian", "Russian officials", "RUS", "GOV"),
               who(t, "separatist officials", "separatist officials", None, "REB")],
        recipient=[who(t, "Ukrainian forces", "Ukrainian forces", "UKR", "MIL"),
                   who(t, "foreign mercenaries", "foreign mercenaries", None, "MIL")],
        date=EventDate("2023-03-18", "day", "publication"), confidence=0.77,
    )  # fmt: skip
    notes = Annotations(
        entities=[Entity(horlivka.start, horlivka.end, "Horlivka", "Horlivka", "GPE", "UKR")],
        times=[TimeExpr(*_offsets(at(t, "on Friday")), "on Friday", "DATE", "2023-03-17", "day")],
        places=[Place(horlivka.start, horlivka.end, "Horlivka", "Horlivka", 48.3336, 38.0925, 6618983, "UA",
                      "Donetsk Oblast", "P")],
        quotes=[Quote([at(t, "the city's mayor")], [at(t, "said")], [sentence(t, 0)], speaker="mayor of Horlivka",
                      speaker_text="the city's mayor", chain=["Steppe Herald", "mayor of Horlivka"])],
        events=[strike, blame],
    )  # fmt: skip
    return AnnotatedArticle(article, notes, ["clean", "entities", "times", "places", "quotes", "events"])


def call_up_article() -> AnnotatedArticle:
    t = CALL_UP
    article = Article(id="art2", source="in/feed.txt", fmt="text", title=None, text=t, raw_text=t,
                      published="2022-11-02", published_source="epoch", published_precision="day")  # fmt: skip
    kursk = at(t, "the Kursk region")
    call_up = EventMention(
        id="art2-e1", event="MOBILIZE", trigger=at(t, "called up"), sentence=sentence(t, 0),
        mode=["conscription"], context=["mobilization"],
        recipient=[who(t, "About 900 reservists", "reservists", "RUS", "MIL")],
        location=Place(kursk.start, kursk.end, "the Kursk region", "Kursk Oblast", 51.5, 36.25, 538555,
                               "RU", "Kursk Oblast", "A", "region"),
        date=EventDate("2022-10", "month", "text", at(t, "in October")),
        size=[EventSize("people", 900, at(t, "900"))],
        claimant=who(t, "a local newspaper", "local newspaper", "RUS", "MED"), certainty="claimed",
        certainty_span=at(t, "reported"),
    )  # fmt: skip
    second_wave = EventMention(
        id="art2-e2", event="MOBILIZE", trigger=at(t, "follow"), sentence=sentence(t, 1),
        aux="hypothetical", aux_span=at(t, "could"), certainty="unverified", certainty_span=at(t, "Rumours say"),
        date=EventDate("2023", "year", "text", at(t, "in the spring")),
    )  # fmt: skip
    return AnnotatedArticle(article, Annotations(events=[call_up, second_wave]), ["clean", "events"])


def story_of_both() -> LinkBatch:
    """Links putting both articles in one story, as the link stage would save them."""
    links = [
        ArticleLink("art1", bytes(8), {"shell": 1.0}, "2023-03-18", "story-art1"),
        ArticleLink("art2", bytes(8), {"call": 1.0}, "2022-11-02", "story-art1"),
    ]
    return LinkBatch(links, {"story-art1": "Bus station shelled"})


def _offsets(span: Span) -> tuple[int, int]:
    return span.start, span.end


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("export") / "events.db")
    s.save_batch(
        s.start_run("test"),
        [shelling_article(), call_up_article()],
        [Reject("x.bin", "binary", "binary content")],
        story_of_both(),
    )
    yield s
    s.close()


@pytest.fixture(scope="module")
def exported(store):
    """``exported(kind, fmt)``: the text an export writes."""

    def run(kind: str, fmt: str) -> str:
        chosen, out = get_format(kind, fmt), io.StringIO()
        chosen.write(chosen.rows(store), out)
        return out.getvalue()

    return run
