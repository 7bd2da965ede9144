"""Actors and recipients from the parse around a trigger, on sentences written for these tests."""

from __future__ import annotations

from eventwire.annotate.entities import extract_entities
from eventwire.events.arguments import ACTOR, RECIPIENT, find_arguments
from eventwire.model import Annotations, Quote, Span


def _roles(
    nlp, text: str, trigger: str, quotes: list[Quote] | None = None
) -> dict[str, list[tuple[str, str]]]:
    doc = nlp(text)
    token = next(t.i for t in doc if t.text == trigger)
    notes = Annotations(entities=extract_entities(doc), quotes=quotes or [])
    found = find_arguments(doc, token, notes)
    for a in found:  # every participant keeps its evidence
        assert text[a.participant.start : a.participant.end] == a.participant.text
    return {
        role: [(a.participant.text, a.participant.name) for a in found if a.role == role]
        for role in (ACTOR, RECIPIENT)
    }


def _at(text: str, words: str) -> list[Span]:
    start = text.index(words)
    return [Span(start, start + len(words))]


def test_subject_acts_and_object_receives(nlp):
    roles = _roles(
        nlp, "Police detained two opposition activists in the city centre on Saturday.", "detained"
    )
    assert roles[ACTOR] == [("Police", "Police")]
    assert roles[RECIPIENT] == [("two opposition activists", "two opposition activists")]


def test_passive_swaps_the_roles(nlp):
    roles = _roles(nlp, "Two journalists were detained by border guards near the crossing.", "detained")
    assert roles[ACTOR] == [("border guards", "border guards")]
    assert roles[RECIPIENT] == [("Two journalists", "Two journalists")]


def test_conjoined_recipients_are_each_a_participant(nlp):
    text = "The conscripts blamed their battalion commander and the defence minister for the losses."
    roles = _roles(nlp, text, "blamed")
    assert [t for t, _ in roles[RECIPIENT]] == ["battalion commander", "defence minister"]


def test_recipient_of_a_preposition_but_not_a_time_or_thing(nlp):
    roles = _roles(
        nlp, "Relatives of the sailors appealed to the governor on Friday for better pay.", "appealed"
    )
    assert [t for t, _ in roles[RECIPIENT]] == ["governor"]


def test_pronoun_is_named_by_its_chain(nlp):
    text = "The mobilised men from the Tver region recorded a video. They accused the regional governor of lying."
    roles = _roles(nlp, text, "accused")
    assert roles[ACTOR] == [("They", "mobilised men from the Tver region")]
    assert roles[RECIPIENT] == [("regional governor", "regional governor")]


def test_first_person_in_a_quotation_is_the_speaker(nlp):
    text = '"We will not go back to the trenches," a sergeant from the unit said.'
    quote = Quote(
        source=_at(text, "a sergeant from the unit"),
        cue=_at(text, "said"),
        content=_at(text, '"We will not go back to the trenches,"'),
        speaker="a sergeant from the unit",
    )
    roles = _roles(nlp, text, "go", [quote])
    assert roles[ACTOR] == [("We", "a sergeant from the unit")]


def test_things_and_unresolved_pronouns_are_not_participants(nlp):
    roles = _roles(nlp, "Angry villagers blocked the road and demanded better pay.", "demanded")
    assert roles[ACTOR] == [("Angry villagers", "Angry villagers")]
    assert roles[RECIPIENT] == []


def test_event_noun_takes_its_agent_from_a_participle(nlp):
    text = "The shooting at the barracks, carried out by two conscripts, shocked the town."
    roles = _roles(nlp, text, "shooting")
    assert [t for t, _ in roles[ACTOR]] == ["two conscripts"]


def test_participle_modifying_a_noun_makes_it_the_recipient(nlp):
    roles = _roles(nlp, "Reservists drafted in October complained about the food.", "drafted")
    assert [t for t, _ in roles[RECIPIENT]] == ["Reservists"]
    assert roles[ACTOR] == []


def test_clause_without_subject_shares_its_governors(nlp):
    text = "A video shows a company of marines complaining about food and refusing to obey orders."
    roles = _roles(nlp, text, "refusing")
    assert roles[ACTOR] and "marines" in roles[ACTOR][0][0]


def test_addressee_of_the_object_sent(nlp):
    roles = _roles(
        nlp, "Sailors of the fleet recorded a message addressed to the defence minister.", "recorded"
    )
    assert [t for t, _ in roles[RECIPIENT]] == ["defence minister"]
