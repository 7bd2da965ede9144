"""Certainty of claims and the chain of reporting, on quotes built by hand."""

from __future__ import annotations

import pytest

from eventwire.annotate.attribution import attribute
from eventwire.model import Quote, Span


def _at(text: str, words: str, after: int = 0) -> list[Span]:
    start = text.index(words, after)
    return [Span(start, start + len(words))]


def _quote(text: str, source: str, cue: str, content: str, speaker: str | None = None) -> Quote:
    return Quote(
        source=_at(text, source) if source else [],
        cue=_at(text, cue),
        content=_at(text, content),
        speaker=speaker or source or None,
        speaker_text=source or None,
    )


def _certainty(nlp, text: str, *quotes: Quote) -> list[str]:
    return [q.certainty for q in attribute(list(quotes), nlp(text), None)]


def test_plain_said_is_asserted(nlp):
    text = "The governor said the road would reopen in May."
    q = _quote(text, "The governor", "said", "the road would reopen in May")
    assert _certainty(nlp, text, q) == ["asserted"]


def test_verification_note_makes_a_claim_unverified(nlp):
    text = "A clip, which has not been independently verified by Newsweek, shows troops crossing the river."
    q = _quote(text, "A clip", "shows", "troops crossing the river")
    assert _certainty(nlp, text, q) == ["unverified"]


def test_verification_note_in_the_next_sentence(nlp):
    text = "Local officials said 40 homes burned. Reuters could not confirm the figure."
    q = _quote(text, "Local officials", "said", "40 homes burned")
    assert _certainty(nlp, text, q) == ["unverified"]


def test_next_sentence_with_its_own_claim_is_not_read(nlp):
    text = "The mayor said the water is safe. The council said it could not confirm the tests."
    first = _quote(text, "The mayor", "said", "the water is safe")
    second = Quote(_at(text, "The council"), _at(text, "said", 30), _at(text, "it could not confirm"))
    assert _certainty(nlp, text, first, second)[0] == "asserted"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The video purportedly shows a convoy near the border.",
            "The video",
            "purportedly shows",
            "a convoy near the border",
        ),
        (
            "The commander allegedly ordered the bridge destroyed.",
            "The commander",
            "allegedly ordered",
            "the bridge destroyed",
        ),
        (
            "The group claimed that its fighters took the airport.",
            "The group",
            "claimed",
            "that its fighters took the airport",
        ),
    ],
)
def test_hedges_make_a_claim_claimed(nlp, text, source, cue, content):
    assert _certainty(nlp, text, _quote(text, source, cue, content)) == ["claimed"]


def test_denials(nlp):
    text = (
        "The ministry denied that any unit lacked supplies. "
        "A spokesman says he didn't see the report. "
        "The spokesman said he did not expect more delays."
    )
    denied = _quote(text, "The ministry", "denied", "that any unit lacked supplies")
    didnt = _quote(text, "A spokesman", "says", "he didn't see the report")
    future = Quote(_at(text, "The spokesman"), _at(text, "said"), _at(text, "he did not expect more delays"))
    assert _certainty(nlp, text, denied, didnt, future) == ["denied", "denied", "asserted"]


def test_chain_runs_from_outlet_through_the_cited_outlet_to_the_speaker(nlp):
    text = '"Nobody answers our calls," a woman using the pseudonym Oksana told Pro Gorod.'
    q = _quote(text, "a woman using the pseudonym Oksana", "told", '"Nobody answers our calls,"')
    (out,) = attribute([q], nlp(text), "Newsweek")
    assert out.chain == ["Newsweek", "Pro Gorod", "a woman using the pseudonym Oksana"]


def test_chain_through_an_enclosing_report(nlp):
    text = "CNN reported that the senator said the bill was dead."
    outer = _quote(text, "CNN", "reported", "that the senator said the bill was dead")
    inner = _quote(text, "the senator", "said", "the bill was dead")
    result = attribute([outer, inner], nlp(text), "The Daily Ledger")
    assert result[0].chain == ["The Daily Ledger", "CNN"]
    assert result[1].chain == ["The Daily Ledger", "CNN", "the senator"]


def test_chain_skips_unnamed_intermediaries_and_missing_outlet(nlp):
    text = "According to a translation, the woman told reporters the shop had closed."
    outer = _quote(text, "a translation", "According to", "the woman told reporters the shop had closed")
    inner = _quote(text, "the woman", "told", "the shop had closed")
    result = attribute([outer, inner], nlp(text), None)
    assert result[1].chain == ["the woman"]


def test_the_object_of_a_denial_is_no_cited_source(nlp):
    text = "The Kremlin denied reports that new call-up papers would be sent out in Moscow and Orenburg."
    q = _quote(
        text,
        "The Kremlin",
        "denied",
        "reports that new call-up papers would be sent out in Moscow and Orenburg",
    )
    [out] = attribute([q], nlp(text), "Eastern Wire")
    assert out.chain == ["Eastern Wire", "The Kremlin"] and out.certainty == "denied"
