"""Where and when an event happened, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.annotate.times import tag_times
from eventwire.events.setting import event_date, event_location, publication_date
from eventwire.model import Article, Place


def _article(text: str, published: str | None = "2023-03-10") -> Article:
    precision = "day" if published else None
    return Article("a1", "test", "text", None, text, text, published=published, published_precision=precision)


def _place(text: str, words: str, precision: str = "settlement", country: str = "RU") -> Place:
    start = text.index(words)
    return Place(start, start + len(words), words, words, 55.0, 37.0, None, country, None, "P", precision)


def _location(nlp, text: str, trigger: str, places: list[Place]) -> str | None:
    doc = nlp(text)
    token = next(t.i for t in doc if t.text == trigger)
    found = event_location(doc, token, places)
    return None if found is None else text[found.start : found.end]


def _date(nlp, text: str, trigger: str, published: str | None = "2023-03-10"):
    doc = nlp(text)
    times = tag_times(text, dt.date.fromisoformat(published) if published else None, doc)
    token = next(t.i for t in doc if t.text == trigger)
    return event_date(doc, token, times, _article(text, published)), {(t.start, t.end): t for t in times}


def test_place_in_the_trigger_clause_and_the_most_specific_one(nlp):
    text = "Two conscripts opened fire in Belgorod, Russia, on Sunday."
    places = [_place(text, "Belgorod"), _place(text, "Russia", "country")]
    assert _location(nlp, text, "opened", places) == "Belgorod"


def test_event_noun_located_by_its_preposition(nlp):
    text = "The shooting in Shebekino shocked the region."
    assert _location(nlp, text, "shooting", [_place(text, "Shebekino")]) == "Shebekino"


def test_origin_of_a_participant_is_not_the_location(nlp):
    text = "Soldiers from Kursk attacked the depot."
    assert _location(nlp, text, "attacked", [_place(text, "Kursk")]) is None


def test_the_one_plausible_place_of_the_sentence(nlp):
    text = "Police in Kazan arrested five men."
    assert _location(nlp, text, "arrested", [_place(text, "Kazan")]) == "Kazan"


def test_two_plausible_places_give_none(nlp):
    text = "Police in Kazan and officers in Ufa arrested five men."
    assert _location(nlp, text, "arrested", [_place(text, "Kazan"), _place(text, "Ufa")]) is None


def test_place_reached_through_other_phrases_keeps_its_own_preposition(nlp):
    text = "Police detained protesters after a rally in Kazan."
    assert _location(nlp, text, "detained", [_place(text, "Kazan")]) == "Kazan"
    text = "Police detained soldiers from Kursk during the night."
    assert _location(nlp, text, "detained", [_place(text, "Kursk")]) is None


def test_a_name_describing_a_participant_is_no_location(nlp):
    text = "Hundreds of Russian soldiers are refusing orders."
    assert _location(nlp, text, "refusing", [_place(text, "Russian", "country")]) is None


def test_a_place_noun_named_by_the_place(nlp):
    text = "Troops recruited residents in the town of Horlivka."
    assert _location(nlp, text, "recruited", [_place(text, "Horlivka", country="UA")]) == "Horlivka"


def test_date_of_the_event_not_of_the_report(nlp):
    text = "Troops withdrew from the town on Wednesday, the ministry said on Thursday."
    date, times = _date(nlp, text, "withdrew")
    assert date.source == "text" and text[date.span.start : date.span.end] == "Wednesday"
    assert (date.value, date.precision) == (times[(date.span.start, date.span.end)].value, "day")


def test_date_that_only_dates_the_report_falls_back_to_publication(nlp):
    text = "The ministry said on Thursday that troops had withdrawn from the town."
    date, _ = _date(nlp, text, "withdrawn")
    assert (date.value, date.precision, date.source, date.span) == ("2023-03-10", "day", "publication", None)


def test_no_publication_date_gives_no_date(nlp):
    date, _ = _date(nlp, "The ministry said that troops had withdrawn from the town.", "withdrawn", None)
    assert date is None


def test_clause_describing_an_event_noun_dates_it(nlp):
    text = "The governor said the mobilisation of 200,000 reservists that took place in October was botched."
    date, _ = _date(nlp, text, "mobilisation")
    assert (date.value, date.precision, date.source) == ("2022-10", "month", "text")


def test_main_clause_date_serves_an_event_deeper_in_the_sentence(nlp):
    text = "The clip circulated online on Wednesday and showed sailors reading an appeal addressed to the minister."
    date, _ = _date(nlp, text, "addressed")
    assert date.source == "text" and text[date.span.start : date.span.end] == "Wednesday"


def test_a_clause_of_what_happened_at_the_same_time_dates_the_event(nlp):
    text = (
        "Two guards were killed and four were wounded when a prisoner opened fire at a camp outside"
        " Tarnow on Wednesday, officials said."
    )
    date, _ = _date(nlp, text, "killed")
    assert date.source == "text" and text[date.span.start : date.span.end] == "Wednesday"
    assert date.value == "2023-03-08"


def test_date_of_a_relative_clause_about_a_participant_is_not_used(nlp):
    text = "Six sailors, who first arrived in February, deserted their ship."
    date, _ = _date(nlp, text, "deserted")
    assert date.source == "publication"


@pytest.mark.parametrize(
    ("published", "precision", "value"),
    [("2023-03-10", "day", "2023-03-10"), ("2023-03-01", "month", "2023-03"), ("2023-01-01", "year", "2023")],
)
def test_publication_date_is_cut_to_its_precision(published, precision, value):
    article = Article("a1", "t", "text", None, "x", "x", published=published, published_precision=precision)
    assert publication_date(article).value == value


@pytest.mark.parametrize(
    ("text", "trigger", "when"),
    [
        (
            "A new clip shows sailors blaming their captain for the losses. The video, which lasts two minutes, appeared online on Tuesday.",
            "blaming",
            "Tuesday",
        ),
        ("A clip posted on Tuesday shows sailors refusing to board the ship.", "refusing", "Tuesday"),
        (
            "A clip shows sailors blaming their captain. The navy said on Tuesday it was investigating.",
            "blaming",
            None,
        ),
    ],
)
def test_event_seen_in_a_recording_takes_its_date(nlp, text, trigger, when):
    date, _ = _date(nlp, text, trigger)
    assert (text[date.span.start : date.span.end] if date.span else None) == when
