"""Aux modality, claimant and certainty of events, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.annotate.entities import extract_entities
from eventwire.annotate.times import tag_times
from eventwire.events.modality import aux_modality, claim, period_end
from eventwire.events.setting import event_date
from eventwire.model import Annotations, Article, Quote, Span

PUBLISHED = "2023-03-10"


def _article(text: str) -> Article:
    return Article("a1", "test", "text", None, text, text, published=PUBLISHED, published_precision="day")


def _aux(nlp, text: str, trigger: str, event: str = "ASSAULT") -> tuple[str | None, str | None]:
    doc = nlp(text)
    times = tag_times(text, dt.date.fromisoformat(PUBLISHED), doc)
    token = next(t.i for t in doc if t.text == trigger)
    article = _article(text)
    aux, span = aux_modality(doc, token, event, event_date(doc, token, times, article), times, article)
    return aux, None if span is None else text[span.start : span.end]


def _at(text: str, words: str) -> list[Span]:
    start = text.index(words)
    return [Span(start, start + len(words))]


def _quote(text: str, source: str, cue: str, content: str, certainty: str = "asserted") -> Quote:
    return Quote(
        source=_at(text, source) if source else [],
        cue=_at(text, cue),
        content=_at(text, content),
        speaker=source or None,
        certainty=certainty,
    )


def _claim(nlp, text: str, trigger: str, *quotes: Quote) -> tuple[str | None, str, str | None]:
    doc = nlp(text)
    token = next(t.i for t in doc if t.text == trigger)
    claimant, certainty, span = claim(doc, token, Annotations(extract_entities(doc), quotes=list(quotes)))
    return (
        None if claimant is None else claimant.name,
        certainty,
        None if span is None else text[span.start : span.end],
    )


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Troops did not attack the village overnight.", "attack", ("negation", "not")),
        ("The ministry denied shelling the market.", "shelling", ("negation", "denied")),
        ("The command gave the brigade no support.", "support", ("negation", "no")),
        ("Russia will mobilise more reservists.", "mobilise", ("future", "will")),
        ("The army plans to call up 5,000 men in April.", "call", ("future", "plans")),
        (
            "An analyst predicted that the Kremlin would announce a second mobilisation.",
            "mobilisation",
            ("future", "would"),
        ),
        ("The soldiers could desert their posts.", "desert", ("hypothetical", "could")),
        ("If the army attacks the town, residents will flee.", "attacks", ("hypothetical", "If")),
        ("A second wave of conscription was rumoured.", "conscription", ("hypothetical", "rumoured")),
        ("Officials are reportedly preparing to close the border.", "close", ("hypothetical", "preparing")),
        ("The relatives urged the governor to release the men.", "release", ("hypothetical", "urged")),
        ("Troops seized the airport in 2014.", "seized", ("historical", "2014")),
        ("Protesters stormed the parliament decades ago.", "stormed", ("historical", "decades ago")),
        ("Troops seized the airport on Monday.", "seized", (None, None)),
        ("The colonel wanted a truce but accused the rebels of treachery.", "accused", (None, None)),
        ("Soldiers who did not fight were sent home.", "sent", (None, None)),
        ("Analysts said the army was unlikely to make gains during the hearing.", "hearing", (None, None)),
    ],
)
def test_aux(nlp, text, trigger, expected):
    assert _aux(nlp, text, trigger) == expected


def test_aux_already_said_by_the_type_is_not_repeated(nlp):
    assert _aux(nlp, "The rebels did not agree to the truce.", "agree", "REJECT") == (None, None)


def test_claim_inside_a_quote_has_its_speaker_and_certainty(nlp):
    text = "The General Staff said that Russian troops had refused to advance."
    quote = _quote(text, "The General Staff", "said", "that Russian troops had refused to advance")
    assert _claim(nlp, text, "refused", quote) == ("The General Staff", "asserted", None)


def test_denied_quote_carries_its_certainty_and_cue(nlp):
    text = "The ministry denied that its units had shelled the market."
    quote = _quote(text, "The ministry", "denied", "that its units had shelled the market", "denied")
    assert _claim(nlp, text, "shelled", quote) == ("The ministry", "denied", "denied")


def test_unsourced_hearsay_is_claimed(nlp):
    text = "Four of the recruits are said to have deserted."
    quote = _quote(text, "", "are said", "to have deserted")
    assert _claim(nlp, text, "deserted", quote) == (None, "claimed", "are said")


def test_a_quote_without_a_claiming_cue_is_no_claim(nlp):
    text = "Friday saw the arrest of two activists in the capital."
    quote = _quote(text, "Friday", "saw", "the arrest of two activists in the capital")
    assert _claim(nlp, text, "arrest", quote) == (None, "asserted", None)


def test_verification_note_in_the_next_sentence(nlp):
    text = "A new video shows a platoon refusing to advance. The footage has not been independently verified."
    assert _claim(nlp, text, "refusing") == (None, "unverified", "not been independently verif")


def test_hedge_makes_the_article_claim_it(nlp):
    assert _claim(nlp, "Two sailors reportedly deserted the ship.", "deserted") == (
        None,
        "claimed",
        "reportedly",
    )


def test_plain_report_is_asserted(nlp):
    assert _claim(nlp, "Two sailors deserted the ship on Monday.", "deserted") == (None, "asserted", None)


@pytest.mark.parametrize(
    ("value", "end"),
    [
        ("2022-09", "2022-09-30"),
        ("2024-02", "2024-02-29"),
        ("2023-W03", "2023-01-22"),
        ("2014", "2014-12-31"),
    ],
)
def test_period_end(value, end):
    assert period_end(value) == dt.date.fromisoformat(end)
