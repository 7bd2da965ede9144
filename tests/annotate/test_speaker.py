"""Speaker resolution of referring sources, on quotes built by hand over texts written here."""

from __future__ import annotations

from eventwire.annotate.entities import extract_entities
from eventwire.annotate.quotes.speaker import resolve_speakers
from eventwire.model import Quote, Span


def at(text: str, words: str) -> list[Span]:
    start = text.index(words)
    return [Span(start, start + len(words))]


def quote(text: str, source: str, cue: str, content: str) -> Quote:
    return Quote(source=at(text, source), cue=at(text, cue), content=at(text, content), direct=True)


def test_a_speaker_is_not_the_person_the_quote_speaks_of(nlp):
    text = (
        "Soldiers from the Tver region said in a video that they had been abandoned. "
        "They claimed their company commander had ordered them to hold the line and then fled.\n"
        '"We ask you to help us," he said. "The company commander gave us the order and left."'
    )
    doc = nlp(text)
    first = quote(text, "Soldiers from the Tver region", "said", "they had been abandoned")
    he = text.index('," he said') + 3
    appeal = Quote(
        source=[Span(he, he + 2)], cue=[Span(he + 3, he + 7)], content=at(text, '"We ask you to help us,"')
    )
    resolve_speakers(doc, [first, appeal], extract_entities(doc))
    assert appeal.speaker_text == "he"
    assert appeal.speaker == "Soldiers from the Tver region"


def test_a_possessive_source_refers_back(nlp):
    text = (
        "The regional governor said the camp had enough tents. "
        "Mobilised men from Omsk said they slept outside. Their complaints about the camp were ignored."
    )
    doc = nlp(text)
    governor = quote(text, "The regional governor", "said", "the camp had enough tents")
    men = quote(text, "Mobilised men from Omsk", "said", "they slept outside")
    their = quote(text, "Their", "complaints", "about the camp")
    resolve_speakers(doc, [governor, men, their])
    assert their.speaker_text == "Their" and their.speaker == "Mobilised men from Omsk"


def test_a_dateline_is_not_part_of_the_speaker(nlp):
    text = "MOSCOW, October 20, 2022 (Eastern Wire) — The Kremlin on Thursday denied reports of a second call-up."
    doc = nlp(text)
    q = quote(
        text, "MOSCOW, October 20, 2022 (Eastern Wire) — The Kremlin", "denied", "reports of a second call-up"
    )
    resolve_speakers(doc, [q])
    assert q.speaker_text == q.speaker == "The Kremlin"
    assert q.source[0].text(text) == "The Kremlin"


def test_a_source_inside_a_larger_phrase_is_named_by_that_phrase(nlp):
    text = "A new video shows a group of soldiers from the Tver region recording a message to the president."
    doc = nlp(text)
    q = quote(text, "the Tver region", "recording", "a message to the president")
    resolve_speakers(doc, [q])
    assert q.speaker_text == "the Tver region"
    assert q.speaker == "a group of soldiers from the Tver region"
