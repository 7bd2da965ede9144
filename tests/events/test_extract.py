"""Event coding of a whole article: detections assembled with their arguments (article written
for these tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from eventwire.annotate import STAGES
from eventwire.annotate.entities import extract_entities
from eventwire.annotate.times import tag_times
from eventwire.config import Settings
from eventwire.events import code_event, event_id, extract_events
from eventwire.events.detect import Detection
from eventwire.model import AnnotatedArticle, Annotations, Article, Place, Span

TEXT = """Eight mobilised soldiers from the Pskov region deserted their unit near Bakhmut on Tuesday, the regional newspaper reported.

They were detained at a checkpoint and now face up to ten years in prison.

A second mobilisation is rumoured in the region."""


@pytest.fixture(scope="module")
def article(nlp):
    doc = nlp(TEXT)
    start = TEXT.index("Bakhmut")
    bakhmut = Place(start, start + 7, "Bakhmut", "Bakhmut", 48.6, 38.0, 712451, "UA", "Donetsk", "P")
    notes = Annotations(extract_entities(doc), tag_times(TEXT, dt.date(2023, 3, 10), doc), [bakhmut])
    source = Article(
        "art1", "test", "text", None, TEXT, TEXT, published="2023-03-10", published_precision="day"
    )
    return AnnotatedArticle(source, notes), doc


def _detection(doc, word: str, event: str, mode: list[str]) -> Detection:
    token = next(t for t in doc if t.text == word)
    sent = token.sent
    return Detection(
        Span(token.idx, token.idx + len(token)),
        token.i,
        Span(sent.start_char, sent.end_char),
        event,
        mode,
        [],
        0.7,
    )


def test_detections_get_their_arguments(article):
    item, doc = article
    events = extract_events(item, doc)
    assert len({e.id for e in events}) == len(events)
    [desertion] = [e for e in events if TEXT[e.trigger.start : e.trigger.end] == "deserted"]
    assert desertion.actor[0].name == "Eight mobilised soldiers from the Pskov region"
    assert desertion.location.name == "Bakhmut"
    assert (desertion.date.source, TEXT[desertion.date.span.start : desertion.date.span.end]) == (
        "text",
        "Tuesday",
    )
    assert [(s.kind, s.value) for s in desertion.size] == [("people", 8)]
    assert (desertion.aux, desertion.claimant, desertion.certainty) == (None, None, "asserted")


def test_code_event_assembles_one_detection(article):
    item, doc = article
    detection = _detection(doc, "detained", "COERCE", ["arrest"])
    event = code_event(item, doc, detection)
    assert event.id == event_id("art1", detection.trigger.start, detection.trigger.end, "COERCE")
    assert (event.event, event.mode, event.confidence) == ("COERCE", ["arrest"], 0.7)
    assert [p.name for p in event.recipient] == ["Eight mobilised soldiers from the Pskov region"]
    assert ("arrested", 8) in [(s.kind, s.value) for s in event.size]
    assert (event.date.value, event.date.source) == ("2023-03-10", "publication")
    assert event.acled is not None and event.acled.code == "ARREST"


def test_rumoured_event_is_hypothetical(article):
    item, doc = article
    event = code_event(item, doc, _detection(doc, "mobilisation", "MOBILIZE", []))
    assert (event.aux, TEXT[event.aux_span.start : event.aux_span.end]) == ("hypothetical", "rumoured")


def test_event_id_is_stable_and_depends_on_the_type():
    first = event_id("art1", 10, 18, "ASSAULT")
    assert first == event_id("art1", 10, 18, "ASSAULT") != event_id("art1", 10, 18, "COERCE")
    assert len(first) == 16 and int(first, 16) >= 0


def test_events_stage_runs_by_default(article):
    item, doc = article
    assert "events" in Settings().stages
    copy = AnnotatedArticle(item.article, replace(item.annotations, events=[]))
    STAGES["events"](copy, doc, None)  # type: ignore[arg-type]
    assert [e.id for e in copy.annotations.events] == [e.id for e in extract_events(item, doc)]
