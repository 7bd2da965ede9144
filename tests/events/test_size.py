"""Head counts and casualties of an event, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.annotate.entities import extract_entities
from eventwire.events.arguments import find_arguments
from eventwire.events.size import event_sizes, number_value
from eventwire.model import Annotations


def _sizes(nlp, text: str, trigger: str) -> dict[str, tuple[int, str]]:
    doc = nlp(text)
    token = next(t.i for t in doc if t.text == trigger)
    notes = Annotations(entities=extract_entities(doc))
    found = event_sizes(doc, token, find_arguments(doc, token, notes), notes.entities)
    return {s.kind: (s.value, text[s.span.start : s.span.end]) for s in found}


def test_count_of_the_actors(nlp):
    sizes = _sizes(nlp, "Eight mobilised soldiers left their positions near the river.", "left")
    assert sizes == {"people": (8, "Eight mobilised soldiers")}


def test_count_in_the_of_phrase_of_an_event_noun(nlp):
    sizes = _sizes(nlp, "The mobilisation of 300,000 reservists began in the autumn.", "mobilisation")
    assert sizes == {"people": (300_000, "300,000 reservists")}


def test_count_of_a_group_named_by_its_of_phrase(nlp):
    sizes = _sizes(nlp, "His unit, of roughly 400 men, refused to advance.", "refused")
    assert sizes["people"][0] == 400


def test_dead_and_injured_in_the_sentence(nlp):
    sizes = _sizes(nlp, "The strike on the depot killed three people and injured two others.", "strike")
    assert sizes == {"dead": (3, "three people"), "injured": (2, "two others")}
    assert _sizes(nlp, "Two people were injured in the attack.", "attack") == {"injured": (2, "Two people")}


def test_arrested_count_through_a_pronoun(nlp):
    text = "Twelve conscripts fled the base at night. They were caught on the highway."
    sizes = _sizes(nlp, text, "caught")
    assert sizes["arrested"] == (12, "Twelve conscripts")


def test_percentages_single_people_and_things_are_not_sizes(nlp):
    assert _sizes(nlp, "One man said the regiment lost 30% of its tanks.", "lost") == {}


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["300,000"], 300_000),
        (["1.5", "million"], 1_500_000),
        (["two", "thousand"], 2_000),
        (["twenty", "-", "five"], 25),
        (["eight"], 8),
        (["several"], None),
    ],
)
def test_number_value(words, value):
    assert number_value(words) == value
